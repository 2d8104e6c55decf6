import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Elements whose text is kept exactly as written. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/** A letter written as a base and marks (or Hangul jamo). */
const decomposed = /[\p{M}\u1100-\u11FF]/u;

/**
 * Letters written decomposed (`g` + `◌̆`, as text pasted from some systems is) are
 * set composed (`ğ`, NFC), in every edition: the fonts of a book and of reading
 * systems are cut into files by script (Latin, Latin Extended, …), and a browser
 * composes a letter only where the file of its base has the composed letter, so
 * `g` + `◌̆` printed as a `g` and a box. Only letters of more than one character
 * change (a compatibility ideograph, a character on its own, stays as written),
 * and not in code.
 */
export function rehypeComposeLetters() {
  const letters = new Intl.Segmenter('und', { granularity: 'grapheme' });
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !decomposed.test(node.value)) return;
      let text = '';
      for (const { segment } of letters.segment(node.value)) text += [...segment].length > 1 ? segment.normalize('NFC') : segment;
      node.value = text;
    });
  };
}
