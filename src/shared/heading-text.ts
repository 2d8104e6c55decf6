import type { Element, ElementContent } from 'hast';

/** A heading's text without its footnote calls (what contents, outline and running heads show). */
export function textWithoutNoteCalls(node: Element): string {
  const text = (child: ElementContent): string =>
    child.type === 'text' ? child.value : child.type === 'element' && child.properties.dataFootnoteRef === undefined ? child.children.map(text).join('') : '';
  return node.children.map(text).join('');
}
