import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Every id in a tree. */
export function collectIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/**
 * Point `#id` links at the content document that holds the id: chapters are
 * separate files in an EPUB. (The render stage made every link within the book a
 * `#id` link to an id that exists.)
 */
export function relinkFragments(tree: Root, ownIds: ReadonlySet<string>, fileOfId: ReadonlyMap<string, string>): void {
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
    const id = decodeURIComponent(href.slice(1));
    if (ownIds.has(id)) return;
    const file = fileOfId.get(id);
    if (file) node.properties.href = `${file}${href}`;
  });
}
