import type { Root } from 'hast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { Infobox, InfoboxTypes } from '../infobox/validate-infobox.js';
import type { BookConfig } from '../schema/book-config.js';
import type { ChapterRole } from '../schema/chapter-front-matter.js';

/**
 * The model every stage builds towards and every edition is made from:
 *
 *     load → Manuscript → render → chapters → assets → Book → html | pdf | epub
 *
 * Values are read-only: a stage returns new values and never changes what an
 * earlier stage made. The one exception is by design: each source file's `VFile`
 * collects the messages about that file, from every stage and edition.
 */

/** Where a chapter stands in the book (`front`, `chapters` with their parts, `appendices`, `back` in `book.yaml`). */
export interface ChapterPlace {
  readonly matter: 'front' | 'body' | 'back';
  /** What the chapter is (its front matter's `role`; a chapter in the body, an appendix); none for unnamed front and back matter. */
  readonly role: ChapterRole | undefined;
  /** The part the chapter is in: its number (1, 2, …), its title, and whether the chapter opens it. */
  readonly part?: { readonly number: number; readonly title: string; readonly opens: boolean };
  /** An appendix's letter (`A`, `B`, …). */
  readonly appendix?: string;
}

/** A chapter's source: its Markdown file and what its front matter said. */
export interface ChapterSource {
  /** Stable, unique id (front matter `id`, else from the file name). */
  readonly id: string;
  readonly place: ChapterPlace;
  /** The Markdown source, front matter included (positions refer to it). */
  readonly file: VFile;
  readonly infobox: Infobox | undefined;
}

/** A manuscript as read from disk and validated. */
export interface Manuscript {
  /** The manuscript folder as given. */
  readonly root: string;
  /** `book.yaml`, carrying the messages about the book as a whole. */
  readonly configFile: VFile;
  readonly config: BookConfig;
  /** Where a value of `book.yaml` was written (`['chapters', 2, 'part']`), for messages about it. */
  readonly locateConfig: (path: readonly (string | number)[]) => Point;
  readonly chapters: readonly ChapterSource[];
  /** The manuscript's infobox declarations (`infoboxes/*.yaml`), carrying their messages. */
  readonly infoboxFiles: readonly VFile[];
  /** The infobox types the manuscript knows: Galley's and its own. */
  readonly infoboxTypes: InfoboxTypes;
  /** The author's style sheets (`styles` in `book.yaml`), in cascade order. */
  readonly styles: readonly StyleSheet[];
}

/** A heading of a chapter, for the table of contents and PDF bookmarks. */
export interface OutlineEntry {
  /** 1 for the chapter title, 2 for its sections, … */
  readonly depth: number;
  readonly id: string;
  readonly text: string;
  /** The heading's language, where the chapter sets one on it or around it (`<h2 lang="fr">`). */
  readonly lang?: string;
}

/** A chapter turned into hast. */
export interface Chapter {
  readonly id: string;
  readonly place: ChapterPlace;
  readonly file: VFile;
  /**
   * The chapter as hast: sanitised, ids allocated book-wide, sections, the infobox.
   * Its block elements carry their number in the book (`data-block`, see
   * `numberBlocks`); in a `Book`, its images point at the book's assets.
   */
  readonly tree: Root;
  readonly outline: readonly OutlineEntry[];
  /** The chapter title: its first level-1 heading, or its first heading. */
  readonly title: string;
  /** The id of the element that titles the chapter (link target). */
  readonly titleId: string | undefined;
}

/** Image formats every edition can carry (EPUB 3 core media types). */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml';

declare module 'hast' {
  interface ElementData {
    /** On an `<img>` of a `Book`, whose `src` is its asset's href: the `src` the author wrote (for messages). */
    imageSource?: string;
  }
}

/** An image of the book, read and checked, shared by every edition. */
export interface ImageAsset {
  /** Canonical href (`images/<name>`): what `<img src>` holds in a `Book`. */
  readonly href: string;
  readonly mediaType: ImageType;
  /** The picture for the e-book and the HTML edition (within `images.megapixels`). */
  readonly data: Uint8Array;
  /** The picture for print (within `images.ppi` at the size of the text area); often the same bytes. */
  readonly print: Uint8Array;
  /** The type of `print`: `mediaType`, but PNG for a GIF larger than print takes (a picture of its first frame). */
  readonly printType: ImageType;
}

/** The finished book: what every edition is made from. */
export interface Book extends Omit<Manuscript, 'chapters'> {
  readonly chapters: readonly Chapter[];
  readonly assets: readonly ImageAsset[];
}

/** Every source file of a book, `book.yaml` first, then the infobox declarations and the chapters, each carrying its messages. */
export const sourceFiles = (book: {
  readonly configFile: VFile;
  readonly infoboxFiles: readonly VFile[];
  readonly styles: readonly { readonly file: VFile }[];
  readonly chapters: readonly { readonly file: VFile }[];
}): VFile[] => [book.configFile, ...book.infoboxFiles, ...book.styles.map((s) => s.file), ...book.chapters.map((c) => c.file)];

export type { BookConfig } from '../schema/book-config.js';

/** A file an author's style sheet names (`url(fonts/x.woff2)`), read from the manuscript folder. */
export interface StyleResource {
  /** Its path relative to the manuscript folder, `/`-separated. */
  readonly path: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** An author's style sheet (`styles` in `book.yaml`), checked and ready for every edition. */
export interface StyleSheet {
  /** The sheet's file, carrying the messages about it. */
  readonly file: VFile;
  /**
   * The CSS, re-serialised, with each `url()` that names a resource written as
   * `url(<galley-style:N>)` (N: its index in `resources`), for each edition to
   * point at its own copy (`styleSheetText`); no other `<` is left unescaped.
   */
  readonly css: string;
  readonly resources: readonly StyleResource[];
}
