import type { Root, RootContent } from 'hast';
import { phrasing } from 'hast-util-phrasing';
import type { WordPiece } from './text-lines.js';

/** Characters that are not in a word's drawn text: a soft hyphen, zero-width space and joiners, the word joiner. */
const UNDRAWN = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Letters of a line's first and last word that are kept (`readWords`): a longer one is cut, and may go on beyond. */
export const WORD_KEPT = 128;

/** The text of `nodes`, with a space where an element that is not phrasing content starts or ends. */
function textOf(nodes: readonly RootContent[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value);
    else if (node.type === 'element') {
      // (Elements that run inside a line of text do not; a block, a cell, an SVG text, a line break do.)
      const apart = node.tagName === 'br' || !phrasing(node);
      if (apart) out.push(' ');
      textOf(node.children, out);
      if (apart) out.push(' ');
    }
  }
}

/** What the tags of the pages need to know of the book's words. */
export interface BookWords {
  /**
   * Whether a line that ends in `before` (its text after its last space, and the
   * lines before it that hold none) goes on with `after` (the next line's text up
   * to its first) in one word of the book: a word too long for its line, broken
   * where no hyphen is drawn (`overflow-wrap`: a long web address in a narrow
   * column). Only when `before` is no word of the book on its own, and the two are
   * found together in one, from its start to its end; a piece cut short (`open`)
   * may go on beyond. With no `after` (the line is its page's last, and the text
   * goes on on the next), when `before` starts a longer word.
   */
  goOn(before: WordPiece, after: WordPiece | undefined): boolean;
  /** Whether `text` is a word of the book on its own (between spaces). */
  has(text: string): boolean;
}

/**
 * The words of the book's chapters (their text, blocks and SVG texts apart), for
 * `addLineEndSpaces` to tell a word broken at a line's end from two words.
 */
export function bookWords(trees: readonly Root[]): BookWords {
  // Read when first asked (as the first part is joined, while the others are laid out).
  let words: Set<string> | undefined;
  // One string to search, words apart (`before` and `after` hold no white space: a match never spans two).
  let all: string | undefined;
  const read = () => {
    if (words) return words;
    words = new Set();
    for (const tree of trees) {
      const text: string[] = [];
      textOf(tree.children, text);
      for (const word of text.join('').replace(UNDRAWN, '').split(/\s+/)) if (word) words.add(word);
    }
    return words;
  };
  return {
    has: (text) => read().has(text),
    goOn({ text: before, open: openBefore }, next) {
      const { text: after, open: openAfter } = next ?? { text: '', open: true };
      if (!before || (!after && next)) return false;
      if (read().has(before)) return false;
      all ??= [...read()].join('\n');
      // Found where a word starts and ends, or where a line can end inside one, and start.
      const joined = before + after;
      for (let at = all.indexOf(joined); at >= 0; at = all.indexOf(joined, at + 1)) {
        const previous = all[at - 1] ?? '\n';
        const following = all[at + joined.length] ?? '\n';
        const starts = previous === '\n' || openBefore;
        // (At a page's end, a word that goes on.)
        const ends = next ? following === '\n' || openAfter : following !== '\n';
        if (starts && ends) return true;
      }
      return false;
    },
  };
}
