import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/** Columns between tab stops: CSS's `tab-size` default, which the print edition keeps. */
const TAB_SIZE = 8;

/**
 * Tabs in preformatted text (a code block) as the spaces to the next tab stop, for
 * print: Chromium moves to the stop without drawing a space, so the words either side
 * of a tab ran together in the PDF's text and tags (`nebabapebaba`). Columns are
 * counted in characters from each line's start, across the elements inside (as in a
 * highlighted block), so the page shows what a monospaced editor shows.
 */
export function rehypeExpandTabs() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return;
      let column = 0;
      visit(node, 'text', (text: Text) => {
        if (!text.value.includes('\t')) {
          const lastLine = text.value.lastIndexOf('\n');
          column = lastLine === -1 ? column + [...text.value].length : [...text.value.slice(lastLine + 1)].length;
          return;
        }
        let out = '';
        for (const character of text.value) {
          if (character === '\n') {
            column = 0;
            out += character;
          } else if (character === '\t') {
            const spaces = TAB_SIZE - (column % TAB_SIZE);
            out += ' '.repeat(spaces);
            column += spaces;
          } else {
            out += character;
            column++;
          }
        }
        text.value = out;
      });
      return 'skip';
    });
  };
}
