import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Chapter, OutlineEntry } from '../../model/book.js';
import { partId, partLabel } from '../../shared/book-divisions.js';

export interface TocOptions {
  /** Deepest heading level listed (1 = chapters only). */
  depth: number;
  /** Where a heading's link points, given the chapter and the heading id. */
  href: (chapter: Chapter, id: string) => string;
  /** The book's language (for parts' labels). */
  language: string;
}

/**
 * The table of contents: nested ordered lists of links, a part's chapters in a
 * list under the part's title; each item says which matter it is in (for the
 * print design).
 */
export function tocList(chapters: readonly Chapter[], options: TocOptions): Element {
  const items: Element[] = [];
  let part: Element | undefined;
  for (const chapter of chapters) {
    const sub = chapter.outline.filter((entry) => entry.depth > 1 && entry.depth <= options.depth);
    const titleLang = chapter.outline.find((entry) => entry.id === chapter.titleId)?.lang;
    const link = h('a', { href: options.href(chapter, chapter.titleId ?? ''), lang: titleLang }, chapter.title);
    const item = h('li', { dataMatter: chapter.place.matter === 'body' ? undefined : chapter.place.matter }, [link, ...nest(sub, 2, chapter, options)]);
    const inPart = chapter.place.part;
    if (inPart?.opens) {
      const title = h('a', { href: options.href(chapter, partId(inPart.number)) }, `${partLabel(inPart.number, options.language)}: ${inPart.title}`);
      part = h('ol');
      items.push(h('li', { className: ['toc-part'] }, [title, part]));
    }
    if (inPart && part) part.children.push(item);
    else {
      part = undefined;
      items.push(item);
    }
  }
  return h('ol', { className: ['toc-list'] }, items);
}

function nest(entries: readonly OutlineEntry[], depth: number, chapter: Chapter, options: TocOptions): Element[] {
  const items: Element[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.depth !== depth) continue;
    let end = i + 1;
    while (end < entries.length && entries[end]!.depth > depth) end++;
    const children = nest(entries.slice(i + 1, end), depth + 1, chapter, options);
    items.push(h('li', [h('a', { href: options.href(chapter, entry.id), lang: entry.lang }, entry.text), ...children]));
  }
  return items.length > 0 ? [h('ol', items)] : [];
}

/** The contents as a `nav` element with its heading. */
export function tocNav(chapters: readonly Chapter[], options: TocOptions & { title: string }): Element {
  return h('nav', { id: 'toc', className: ['toc'], ariaLabelledBy: 'toc-title' }, [h('h1', { id: 'toc-title' }, options.title), tocList(chapters, options)]);
}
