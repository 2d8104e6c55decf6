import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Replace the obsolete `align` attribute that GFM tables produce with a class
 * (`align-left`, `align-center`, `align-right`), styled in every edition: valid
 * HTML5 and XHTML, no inline styles.
 */
export function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const align = node.properties.align;
      if (typeof align !== 'string') return;
      delete node.properties.align;
      if (!['left', 'center', 'right'].includes(align)) return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, `align-${align}`];
    });
  };
}
