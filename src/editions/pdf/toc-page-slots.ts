import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Give each entry of the contents an empty place for its page number
 * (`span.toc-page`, marked `data-galley-generated`), as wide as a number from the
 * start (print.css), so that no entry wraps differently once `finishPart` sets the
 * numbers; they are text, so the PDF's tags hold them.
 */
export function addTocPageSlots(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const classes = node.properties.className;
    if (!(Array.isArray(classes) && classes.includes('toc'))) return;
    visit(node, 'element', (link: Element) => {
      if (link.tagName !== 'a' || typeof link.properties.href !== 'string') return;
      link.children.push({ type: 'element', tagName: 'span', properties: { className: ['toc-page'], dataGalleyGenerated: '' }, children: [] });
    });
  });
}
