import type { Root } from 'hast';
import GithubSlugger from 'github-slugger';
import type { VFileMessage } from 'vfile-message';
import type { Chapter, Manuscript } from '../manuscript/types.js';
import type { OutlineEntry } from './data.js';
import { chapterToHast } from './processor.js';

/** A chapter turned into hast, with its outline. */
export interface RenderedChapter {
  chapter: Chapter;
  tree: Root;
  outline: OutlineEntry[];
  /** The chapter title: its first level-1 heading, or its first heading. */
  title: string;
  /** The id of the element that titles the chapter (link target). */
  titleId: string | undefined;
}

/** Ids Galley uses itself in every edition. */
export const reservedIds = ['title-page', 'toc', 'toc-title', 'main'];

/** Run every chapter through the processor with book-wide unique ids. */
export async function renderChapters(manuscript: Manuscript): Promise<{ chapters: RenderedChapter[]; messages: VFileMessage[] }> {
  const ids = new GithubSlugger();
  for (const id of reservedIds) ids.slug(id);
  const chapters: RenderedChapter[] = [];
  const messages: VFileMessage[] = [];
  for (const chapter of manuscript.chapters) {
    const file = chapter.file;
    file.data.chapterId = chapter.id;
    file.data.language = manuscript.config.language;
    file.data.ids = ids;
    file.data.infobox = chapter.infobox;
    const tree = await chapterToHast(file);
    const outline = file.data.outline ?? [];
    const head = outline.find((entry) => entry.depth === 1) ?? outline[0];
    chapters.push({ chapter, tree, outline, title: head?.text ?? chapter.id, titleId: head?.id });
    messages.push(...file.messages);
  }
  return { chapters, messages };
}
