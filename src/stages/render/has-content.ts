import type { Element } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Whether an element has text, or an image that describes itself. */
export function hasContent(node: Element): boolean {
  if (textOf(node).trim() !== '') return true;
  let described = false;
  visit(node, 'element', (child: Element) => {
    if (child.tagName === 'img' && typeof child.properties.alt === 'string' && child.properties.alt.trim() !== '') described = true;
  });
  return described;
}
