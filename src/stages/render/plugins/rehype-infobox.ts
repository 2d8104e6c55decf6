import type { Element, ElementContent, Root } from 'hast';
import type GithubSlugger from 'github-slugger';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import type { Infobox } from '../../../infobox/validate-infobox.js';
import { typesetText } from './remark-typography.js';

export interface InfoboxOptions {
  /** The chapter's validated infobox, if it has one. */
  infobox: Infobox | undefined;
  /** The book's language, for dates and numbers. */
  language: string;
  /** The book-wide id allocator. */
  ids: GithubSlugger;
  /** The chapter's id, from which the infobox's id is made. */
  chapterId: string;
  /** Its text set with typographic punctuation, as the chapter's (links, which show addresses, as written). */
  typography: boolean;
}

/** Render the chapter's validated infobox and place it right after the chapter title. */
export function rehypeInfobox(options: InfoboxOptions) {
  return (tree: Root) => {
    const { infobox } = options;
    if (!infobox) return;
    const id = options.ids.slug(`infobox-${options.chapterId}`);
    const aside = infobox.type.render(infobox.data, { language: options.language, id, locate: infobox.locate });
    if (options.typography) {
      visit(aside, (node: Element | ElementContent) => {
        if (node.type === 'element') return node.tagName === 'a' ? SKIP : CONTINUE;
        if (node.type === 'text') node.value = typesetText(node.value, options.language);
        return CONTINUE;
      });
    }
    const first = tree.children.findIndex((node) => node.type === 'element');
    const title = tree.children[first];
    const at = title?.type === 'element' && title.tagName === 'h1' ? first + 1 : 0;
    tree.children.splice(at, 0, aside);
  };
}
