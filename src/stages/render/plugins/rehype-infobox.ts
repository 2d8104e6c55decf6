import type { Root } from 'hast';
import type GithubSlugger from 'github-slugger';
import type { Infobox } from '../../../infobox/validate-infobox.js';

export interface InfoboxOptions {
  /** The chapter's validated infobox, if it has one. */
  infobox: Infobox | undefined;
  /** The book's language, for dates and numbers. */
  language: string;
  /** The book-wide id allocator. */
  ids: GithubSlugger;
  /** The chapter's id, from which the infobox's id is made. */
  chapterId: string;
}

/** Render the chapter's validated infobox and place it right after the chapter title. */
export function rehypeInfobox(options: InfoboxOptions) {
  return (tree: Root) => {
    const { infobox } = options;
    if (!infobox) return;
    const id = options.ids.slug(`infobox-${options.chapterId}`);
    const aside = infobox.type.render(infobox.data, { language: options.language, id });
    const first = tree.children.findIndex((node) => node.type === 'element');
    const title = tree.children[first];
    const at = title?.type === 'element' && title.tagName === 'h1' ? first + 1 : 0;
    tree.children.splice(at, 0, aside);
  };
}
