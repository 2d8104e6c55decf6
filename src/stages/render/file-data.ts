import type { OutlineEntry } from '../../model/book.js';

declare module 'vfile' {
  interface DataMap {
    /** The chapter's headings, in order, filled by `rehypeOutline`. */
    outline: OutlineEntry[];
  }
}
