import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

export type Hyphenate = (text: string) => string;

/** Elements whose text is never hyphenated: headings, code, and anything marked up as a URL. */
const skip = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'time', 'caption']);

/**
 * Insert soft hyphens (U+00AD) into running text, so that print layout can
 * hyphenate without browser dictionaries (headless Chromium on Linux has none).
 * Tables too: their columns are frozen before layout (in-page/freeze-table-columns.ts),
 * so the soft hyphens no line breaks at, removed after layout, change no width.
 * Header cells get them too, but break at them only in a table too wide for the
 * page with its words whole (print.css: `th { hyphens: none }`).
 */
export function rehypeHyphenate(options: { hyphenate: Hyphenate }) {
  return (tree: Root) => {
    visitParents(tree, 'text', (node, ancestors) => {
      const elements = ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element');
      for (const el of elements) {
        if (skip.has(el.tagName)) return;
        if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^[a-z]+:/i.test(el.properties.href)) return;
      }
      node.value = options.hyphenate(node.value);
    });
  };
}
