import { referenceWordsFor } from './language.js';
import { romanNumeral } from './numerals.js';

/** The id of a part's title, in every edition. */
export const partId = (number: number): string => `part-${number}`;

/** A part's label in the book's language: “Part II”, “Teil II”, “第2部”. */
export function partLabel(number: number, language: string): string {
  const template = referenceWordsFor(language).part;
  return template.replace('%', /^(ja|zh|ko)\b/.test(language) ? String(number) : romanNumeral(number));
}

/** An appendix's label in the book's language: “Appendix A”. */
export const appendixLabel = (letter: string, language: string): string => referenceWordsFor(language).appendix.replace('%', letter);
