import type { OutlineEntry } from '../../model/book.js';

declare module 'vfile' {
  interface DataMap {
    /** The chapter's headings, in order, filled by `rehypeOutline`. */
    outline: OutlineEntry[];
    /** The id each heading slug or written id of the chapter became, filled by `rehypeHeadingIds`. */
    ids: ReadonlyMap<string, string>;
  }
}
