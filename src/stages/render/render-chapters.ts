import GithubSlugger from 'github-slugger';
import type { Element } from 'hast';
import type { Chapter, Manuscript } from '../../model/book.js';
import { warn } from '../../shared/messages.js';
import { chapterReader, finishChapter, readChapter } from './chapter-processor.js';
import { partId } from '../../shared/book-divisions.js';
import { markBodyStart, placeChapter } from './book-divisions.js';
import { checkIds } from './check-ids.js';
import { crossReferences } from './cross-references.js';
import { numberBlocks } from './number-blocks.js';
import { resolveLinks } from './resolve-links.js';
import { reserveWrittenIds } from './written-ids.js';
import './file-data.js';

/** Ids of Galley's own elements in the one-document editions (HTML, print): an author may not write them. */
const documentIds = ['title-page', 'half-title', 'copyright-page', 'toc', 'toc-title', 'main'];

/** Ids Galley uses itself in every edition (and the names of the e-book's own documents, `text/<id>.xhtml`). */
export const reservedIds = [...documentIds, 'title', 'cover', 'copyright'];

/**
 * The render stage: every chapter through its processor with book-wide unique
 * ids, then figures and tables numbered and cross-references given their text,
 * the links between chapters resolved and the blocks of the whole book
 * numbered once. Messages land on each chapter's file.
 */
export async function renderChapters(manuscript: Manuscript): Promise<Chapter[]> {
  const { language, typography } = manuscript.config;
  const ids = new GithubSlugger();
  for (const id of reservedIds) ids.slug(id);
  // Each part's title and its heading, before any heading of the book can take the id.
  const partIds = manuscript.chapters.flatMap(({ place }) => (place.part?.opens ? [partId(place.part.number), `${partId(place.part.number)}-title`] : []));
  for (const id of partIds) ids.slug(id);
  const reader = chapterReader({ language, typography });
  const read = [];
  for (const source of manuscript.chapters) read.push({ source, id: source.id, file: source.file, tree: await readChapter(reader, source.file) });
  reserveWrittenIds(read, ids, new Set([...documentIds, ...partIds]));
  const chapters: Chapter[] = [];
  for (const { source, tree: readTree } of read) {
    const { file } = source;
    const tree = await finishChapter(readTree, file, { chapterId: source.id, language, ids, infobox: source.infobox, typography });
    const outline = file.data.outline ?? [];
    const head = outline.find((entry) => entry.depth === 1) ?? outline[0];
    let titleId = head?.id;
    if (!head) {
      warn(file, 'missing-title', `Expected the chapter to start with a \`# Title\`; it has no heading, so its id \`${source.id}\` names it in the contents`);
      // The contents link to the chapter itself.
      const section = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'section');
      if (section) {
        titleId = ids.slug(source.id);
        section.properties.id = titleId;
      }
    }
    const placed = [...outline];
    placeChapter(tree, placed, source.place, manuscript.config.language);
    const title = placed.find((entry) => entry.id === head?.id)?.text ?? source.id;
    chapters.push({ id: source.id, place: source.place, file, tree, outline: placed, title, titleId });
  }
  markBodyStart(chapters, manuscript.config);
  checkIds(chapters);
  crossReferences(chapters, { language: manuscript.config.language, chapters: manuscript.config.crossref.chapters });
  resolveLinks(chapters);
  numberBlocks(chapters.map((chapter) => chapter.tree));
  return chapters;
}
