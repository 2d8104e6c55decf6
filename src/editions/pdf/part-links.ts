import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/** The scheme of a link to a place laid out in another part; the joined PDF resolves it (`join-parts.ts`). */
export const PART_LINK = 'galley-dest:';

/**
 * Point every link to an id that this part's document does not hold at
 * `galley-dest:<id>`: Chromium drops a link to a missing fragment, but keeps one
 * to another URL, which the joined PDF turns into a link to the place.
 */
export function linksBetweenParts(root: Element): void {
  const ids = new Set<string>();
  visit(root, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  visit(root, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const id = decodeURIComponent(href.slice(1));
    if (id !== '' && !ids.has(id)) node.properties.href = `${PART_LINK}${encodeURIComponent(id)}`;
  });
}
