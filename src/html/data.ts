import type GithubSlugger from 'github-slugger';
import type { Infobox } from '../infobox/validate-infobox.js';

/** A heading of a chapter, for the table of contents and PDF bookmarks. */
export interface OutlineEntry {
  /** 1 for the chapter title, 2 for its sections, … */
  depth: number;
  id: string;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The chapter's stable id. */
    chapterId: string;
    /** The book's language (BCP 47). */
    language: string;
    /** Book-wide id allocator: ids are unique across all chapters. */
    ids: GithubSlugger;
    /** The chapter's validated infobox, if any. */
    infobox: Infobox | undefined;
    /** The chapter's `<img>` elements, filled by `rehypeCollectImages`. */
    images: import('hast').Element[];
    /** The chapter's headings, in order, filled by `rehypeOutline`. */
    outline: OutlineEntry[];
  }
}

export {};
