import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

export type Hyphenate = (text: string) => string;

/** Elements whose text is never hyphenated: headings, code, and anything marked up as a URL. */
const skip = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'time', 'caption', 'th']);

/**
 * Insert soft hyphens (U+00AD) into running text, so that print layout can
 * hyphenate without browser dictionaries (headless Chromium on Linux has none).
 *
 * Not in tables that size their columns to their content (all but the infobox,
 * whose layout is fixed): the soft hyphens no line breaks at are removed after
 * layout, and in such a table that would change the column widths, and so the
 * lines and the height of the table, after the page was laid out.
 */
export function rehypeHyphenate(options: { hyphenate: Hyphenate }) {
  return (tree: Root) => {
    visitParents(tree, 'text', (node, ancestors) => {
      const elements = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element');
      const inInfobox = elements.some((el) => el.tagName === 'aside' && Array.isArray(el.properties.className) && el.properties.className.includes('infobox'));
      for (const el of elements) {
        if (skip.has(el.tagName) || (el.tagName === 'table' && !inInfobox)) return;
        if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^[a-z]+:/i.test(el.properties.href)) return;
      }
      node.value = options.hyphenate(node.value);
    });
  };
}
