/** A letter written as a base and marks (or Hangul jamo). */
const decomposed = /[\p{M}\u1100-\u11FF]/u;

const letters = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * A text with its letters written apart (`g` + `◌̆`, as text pasted from some
 * systems is) composed (`ğ`, NFC): the fonts of a book and of reading systems are
 * cut into files by script (Latin, Latin Extended, …), and a browser composes a
 * letter only where the file of its base has the composed letter, so `g` + `◌̆`
 * printed as a `g` and a box. Only letters of more than one character change (a
 * compatibility ideograph, a character on its own, stays as written).
 */
export function composeLetters(text: string): string {
  if (!decomposed.test(text)) return text;
  let out = '';
  for (const { segment } of letters.segment(text)) out += [...segment].length > 1 ? segment.normalize('NFC') : segment;
  return out;
}
