import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Block elements that can hold the start of a print page (and images, which messages about them name). */
const blocks = new Set(['p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'figure', 'figcaption', 'caption', 'pre', 'img']);

/**
 * Number the block elements of the book's chapter trees (`data-block`), in
 * document order, once: the print edition reports where its pages start by these
 * numbers, and the e-book marks the print pages by them. Works on trees the
 * render stage has just made, before anything else sees them.
 */
export function numberBlocks(trees: readonly Root[]): void {
  let next = 0;
  for (const tree of trees) {
    visit(tree, 'element', (node: Element) => {
      if (blocks.has(node.tagName)) node.properties.dataBlock = String(next++);
    });
  }
}
