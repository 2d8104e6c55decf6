import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * An empty header cell (the corner of a table whose first row and first column
 * are headers) heads nothing: make it a data cell, so assistive technology does
 * not announce an empty header.
 */
export function rehypeEmptyHeaderCells() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'th' && textOf(node).trim() === '' && !node.children.some((c) => c.type === 'element')) node.tagName = 'td';
    });
  };
}
