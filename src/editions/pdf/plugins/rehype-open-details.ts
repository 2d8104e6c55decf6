import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** On paper nothing can be opened: every `<details>` is printed open, its content shown. */
export function rehypeOpenDetails() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'details') node.properties.open = true;
    });
  };
}
