import type { Element, ElementContent, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { h } from 'hastscript';

export interface SectionsOptions {
  /** The chapter's id, carried by its `section` (`data-chapter`). */
  chapterId: string;
}

/**
 * Wrap each heading and what follows it, up to the next heading of the same or a
 * higher rank, in a `<section>`; wrap the whole chapter in `<section
 * class="chapter">`, labelled by its title. (Only the chapter is labelled: a
 * labelled section is a landmark, and landmarks must be few and distinct.)
 * Footnotes stay at chapter level.
 */
export function rehypeSections(options: SectionsOptions) {
  return (tree: Root) => {
    const chapter = h('section', { className: ['chapter'], dataChapter: options.chapterId });
    const stack: Array<{ rank: number; node: Element }> = [{ rank: 1, node: chapter }];
    const top = () => stack[stack.length - 1]!.node;
    for (const child of tree.children as RootContent[]) {
      if (child.type === 'doctype') continue;
      const rank = child.type === 'element' ? headingRank(child) : undefined;
      if (rank === 1 && chapter.properties.ariaLabelledBy === undefined && child.type === 'element') {
        chapter.properties.ariaLabelledBy = [String(child.properties.id)];
        chapter.children.push(child);
        continue;
      }
      const isFootnotes = child.type === 'element' && child.tagName === 'section' && child.properties.dataFootnotes !== undefined;
      if (isFootnotes) stack.length = 1;
      if (rank !== undefined && rank > 1 && child.type === 'element') {
        while (stack.length > 1 && stack[stack.length - 1]!.rank >= rank) stack.pop();
        const section = h('section', [child]);
        top().children.push(section);
        stack.push({ rank, node: section });
        continue;
      }
      top().children.push(child as ElementContent);
    }
    tree.children = [chapter];
  };
}
