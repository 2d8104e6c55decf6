import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../../model/book.js';
import { fail } from '../../shared/messages.js';
import { decodeUriPart } from '../../shared/uri.js';
import { whereIn } from './written-ids.js';

/**
 * Every element id of the book (raw HTML's included) is one word, and no two read
 * the same once percent-decoded. An id with ASCII white space is not an HTML id
 * (the e-book fails epubcheck, links to it are not URLs); two ids that differ but
 * read the same decoded (`caf%C3%A9` and `café`, `%41` and `A`) are
 * one to links, which are decoded, and to the PDF, whose destinations are named by
 * the encoded id: a link to either went to the first. Each is an error at the
 * element. (An id written twice is `reserveWrittenIds`' to report; ids Galley makes
 * never meet one.) Works on trees the render stage has just made.
 */
export function checkIds(chapters: readonly Chapter[]): void {
  const seen = new Map<string, { id: string; chapter: Chapter }>();
  for (const chapter of chapters) {
    visit(chapter.tree, 'element', (element: Element) => {
      const id = element.properties.id;
      if (typeof id !== 'string') return;
      const place = element.position?.start;
      if (id === '') {
        fail(chapter.file, 'invalid-id', 'Unexpected empty id: an id is one word (give one, or leave out `id`)', place);
        return;
      }
      if (/[\t\n\f\r ]/.test(id)) {
        const word = id
          .trim()
          .split(/[\t\n\f\r ]+/)
          .join('-');
        fail(chapter.file, 'invalid-id', `Unexpected white space in the id \`${id}\`: an id is one word (write \`${word}\`)`, place);
        return;
      }
      const key = decodeUriPart(id);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { id, chapter });
        return;
      }
      if (first.id === id) return;
      const where = whereIn(first.chapter, chapter);
      const same =
        id === key
          ? `the id \`${first.id}\` ${where} reads as it`
          : `it reads as \`${key}\`${first.id === key ? ', the id of an element' : `, as does the id \`${first.id}\``} ${where}`;
      fail(chapter.file, 'duplicate-id', `Unexpected id \`${id}\`: ${same}; links and PDF destinations cannot tell them apart`, place);
    });
  }
}
