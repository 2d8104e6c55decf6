import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString as textOf } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

export interface HeadingIdsOptions {
  /** The book-wide id allocator: ids are unique across all chapters. */
  ids: GithubSlugger;
}

/**
 * Give every heading an id that is unique in the whole book and starts with a
 * letter, and rewrite the chapter's own `#slug` links when an id had to be renamed.
 */
export function rehypeHeadingIds(options: HeadingIdsOptions) {
  const { ids } = options;
  return (tree: Root) => {
    const local = new GithubSlugger();
    const renamed = new Map<string, string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.slug(node.properties.id);
    });
    visit(tree, 'element', (node) => {
      if (headingRank(node) === undefined || node.properties.id !== undefined) return;
      const text = textOf(node).trim() || 'section';
      const natural = local.slug(text);
      // Ids must also be CSS identifiers (Paged.js finds link targets with
      // selectors): one that would start with a digit or hyphen gets an `h-` prefix.
      const id = ids.slug(/^[a-z]/.test(natural) ? text : `h ${text}`);
      node.properties.id = id;
      if (natural !== id) renamed.set(natural, id);
    });
    if (renamed.size === 0) return;
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (typeof href === 'string' && href.startsWith('#')) {
        const target = renamed.get(decodeURIComponent(href.slice(1)));
        if (target) node.properties.href = `#${target}`;
      }
    });
  };
}
