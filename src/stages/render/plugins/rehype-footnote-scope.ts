import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { decodeUriPart } from '../../../shared/uri.js';
import { footnoteId } from '../written-ids.js';

export interface FootnoteScopeOptions {
  /** The chapter's id, the prefix of its footnote ids. */
  chapterId: string;
}

/** Prefix GFM footnote ids and links with the chapter id, so chapters never clash. */
export function rehypeFootnoteScope(options: FootnoteScopeOptions) {
  const prefix = `${options.chapterId}-`;
  return (tree: Root) => {
    const scope = (value: string) => (footnoteId.test(value) ? prefix + value : value);
    visit(tree, 'element', (node) => {
      const { id, href, ariaDescribedBy } = node.properties;
      // GFM percent-encodes a label in the id as in the link (`fn-%D9%85`): the id is
      // the label itself, which the encoded link names (`[^ملاحظة]`, `[^注]`).
      if (typeof id === 'string') node.properties.id = scope(footnoteId.test(id) ? decodeUriPart(id) : id);
      // (The link percent-encodes the whole id: GFM leaves a `#` of the label bare.)
      if (typeof href === 'string' && href.startsWith('#'))
        node.properties.href = footnoteId.test(href.slice(1)) ? `#${encodeURIComponent(scope(decodeUriPart(href.slice(1))))}` : `#${scope(href.slice(1))}`;
      if (Array.isArray(ariaDescribedBy)) node.properties.ariaDescribedBy = ariaDescribedBy.map((v) => scope(String(v)));
    });
  };
}
