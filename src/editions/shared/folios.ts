import type { BookConfig, Chapter } from '../../model/book.js';
import { partId } from '../../shared/book-divisions.js';
import { romanNumeral } from '../../shared/numerals.js';

/**
 * The id of the element on the first page of a book's body (its first part's
 * title, or its first chapter's), in a book with front matter: there the print
 * folios go from roman to arabic, starting again at 1.
 */
export function bodyStartId(chapters: readonly Chapter[], config: Pick<BookConfig, 'front'>): string | undefined {
  if (!config.front) return undefined;
  const first = chapters.find((chapter) => chapter.place.matter === 'body');
  if (!first) return undefined;
  return first.place.part?.opens ? partId(first.place.part.number) : first.titleId;
}

/** A page's folio: its number in the book, or, where the body starts at `bodyStart`, roman before it and counted from it after. */
export function folioOf(page: number, bodyStart: number | undefined): string {
  if (bodyStart === undefined) return String(page);
  return page < bodyStart ? romanNumeral(page, true) : String(page - bodyStart + 1);
}
