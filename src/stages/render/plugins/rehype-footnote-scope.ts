import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const footnoteId = /^(fn-|fnref-|footnote-label$)/;

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
      if (typeof id === 'string') node.properties.id = scope(id);
      if (typeof href === 'string' && href.startsWith('#')) node.properties.href = `#${scope(href.slice(1))}`;
      if (Array.isArray(ariaDescribedBy)) node.properties.ariaDescribedBy = ariaDescribedBy.map((v) => scope(String(v)));
    });
  };
}
