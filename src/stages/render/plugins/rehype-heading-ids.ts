import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString as textOf } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { footnoteId } from '../written-ids.js';
import '../file-data.js';

export interface HeadingIdsOptions {
  /** The book-wide id allocator, holding every id the book's authors wrote: ids are unique across all chapters. */
  ids: GithubSlugger;
}

/**
 * Give every heading an id that is unique in the whole book and starts with a
 * letter (never one written in raw HTML), rewrite the chapter's own `#slug` links when an id had to be renamed, and
 * record in `file.data.ids` which id each natural slug became, for links from
 * other chapters (`02-b.md#slug`).
 */
export function rehypeHeadingIds(options: HeadingIdsOptions) {
  const { ids } = options;
  return (tree: Root, file: VFile) => {
    const local = new GithubSlugger();
    const renamed = new Map<string, string>();
    const given = new Map<string, string>();
    // (The allocator holds the ids written in every chapter already: reserveWrittenIds.)
    visit(tree, 'element', (node) => {
      const written = node.properties.id;
      if (typeof written === 'string' && !footnoteId.test(written)) given.set(written, written);
    });
    visit(tree, 'element', (node) => {
      if (headingRank(node) === undefined || node.properties.id !== undefined) return;
      const text = textOf(node).trim() || 'section';
      const natural = local.slug(text);
      // Ids must also be CSS identifiers (Paged.js finds link targets with
      // selectors): one that would start with a digit or hyphen gets an `h-` prefix.
      const id = ids.slug(/^[a-z]/.test(natural) ? text : `h ${text}`);
      node.properties.id = id;
      given.set(natural, id);
      if (natural !== id) renamed.set(natural, id);
    });
    file.data.ids = given;
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
