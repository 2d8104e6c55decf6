import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

const blockTags = new Set(['ul', 'ol', 'p', 'div', 'blockquote', 'pre', 'table']);

/**
 * GFM task list items have a bare checkbox; give it its item's text as a label
 * (`<label><input> text</label>`), so assistive technology says what is done.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const index = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (index === -1 || node.tagName === 'label') return;
      // The checkbox and the inline content after it, up to the first block.
      let end = index + 1;
      while (end < node.children.length) {
        const child = node.children[end]!;
        if (child.type === 'element' && blockTags.has(child.tagName)) break;
        end++;
      }
      const label = h('label', node.children.slice(index, end) as ElementContent[]);
      node.children.splice(index, end - index, label);
    });
  };
}
