import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A table's footer rows (`<tfoot>`) go after its body, where HTML puts them
 * (HTML 4 let them come first; browsers draw them last either way). Written
 * first, they were laid out in the print edition before a body that runs over
 * pages, which drew its rows twice and lost its footer; the EPUB's XHTML wants
 * them last too. What else the table holds keeps its order.
 */
export function rehypeTableFootLast() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'table') return;
      const feet = node.children.filter((child) => child.type === 'element' && child.tagName === 'tfoot');
      if (feet.length === 0) return;
      const last = node.children.findLastIndex((child) => child.type === 'element' && child.tagName !== 'tfoot');
      if (node.children.findIndex((child) => child.type === 'element' && child.tagName === 'tfoot') > last) return;
      node.children = [...node.children.filter((child) => !feet.includes(child)), ...feet];
    });
  };
}
