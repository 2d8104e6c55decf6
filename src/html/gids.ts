import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Block elements that can hold the start of a print page. */
const blocks = new Set(['p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'figcaption', 'caption', 'pre']);

/**
 * Number the block elements of chapter trees (`data-gid`) in document order. The
 * same trees numbered twice get the same numbers, which lets the e-book find where
 * the print edition's pages start. Works in place.
 */
export function assignGids(trees: readonly Root[]): void {
  let next = 0;
  for (const tree of trees) {
    visit(tree, 'element', (node: Element) => {
      if (blocks.has(node.tagName)) node.properties.dataGid = String(next++);
    });
  }
}
