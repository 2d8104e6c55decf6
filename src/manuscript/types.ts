import type { VFile } from 'vfile';
import type { BookConfig } from '../config/schema.js';
import type { Infobox } from '../infobox/validate-infobox.js';

/** One chapter: its Markdown source and what its front matter said. */
export interface Chapter {
  /** Stable, unique id (front matter `id`, else from the file name). */
  id: string;
  /** The Markdown source, front matter included (positions refer to it). */
  file: VFile;
  infobox: Infobox | undefined;
}

/** A loaded and validated manuscript. */
export interface Manuscript {
  /** The manuscript folder as given. */
  root: string;
  /** The path of `book.yaml`. */
  configFile: string;
  config: BookConfig;
  chapters: Chapter[];
}
