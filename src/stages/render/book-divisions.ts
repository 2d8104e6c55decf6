import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { h } from 'hastscript';
import type { BookConfig, Chapter, ChapterPlace, OutlineEntry } from '../../model/book.js';
import { appendixLabel, partId, partLabel } from '../../shared/book-divisions.js';

/**
 * Give a rendered chapter its place in the book (in place): the chapter's section
 * says which matter it is in and what it is (`data-matter`, `data-role`, for the
 * editions' semantics and designs), an appendix's title starts with its label
 * (“Appendix A: Sources”, in the outline too), and the chapter that opens a part
 * is preceded by the part's title page (“Part I” above the part's name).
 */
export function placeChapter(tree: Root, outline: OutlineEntry[], place: ChapterPlace, language: string): void {
  const index = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'section');
  const section = tree.children[index] as Element | undefined;
  if (!section) return;
  if (place.matter !== 'body') section.properties.dataMatter = place.matter;
  if (place.role && place.role !== 'chapter') section.properties.dataRole = place.role;
  if (place.appendix !== undefined) {
    const label = appendixLabel(place.appendix, language);
    const title = section.children.find((node): node is Element => node.type === 'element' && headingRank(node) === 1);
    if (title) {
      title.children.unshift(h('span', { className: ['chapter-label'] }, label), { type: 'text', value: ': ' });
      const entry = outline.find((item) => item.id === title.properties.id);
      if (entry) outline[outline.indexOf(entry)] = { ...entry, text: `${label}: ${entry.text}` };
    }
  }
  if (place.part?.opens) {
    const { number, title } = place.part;
    const id = partId(number);
    // The label above the title, the title the heading (and the bookmark).
    const part: ElementContent = h('section', { className: ['part'], id, dataPart: String(number), ariaLabelledBy: [`${id}-title`] }, [
      h('p', { className: ['part-label'] }, partLabel(number, language)),
      h('h1', { id: `${id}-title` }, title),
    ]);
    tree.children.splice(index, 0, part);
  }
}

/**
 * In a book with front matter, mark where the body starts (`data-body-start` on
 * the first part's or chapter's section): print folios go from roman to arabic
 * there, starting again at 1.
 */
export function markBodyStart(chapters: readonly Chapter[], config: Pick<BookConfig, 'front'>): void {
  if (!config.front) return;
  const first = chapters.find((chapter) => chapter.place.matter === 'body');
  const section = first?.tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'section');
  if (section) section.properties.dataBodyStart = '';
}
