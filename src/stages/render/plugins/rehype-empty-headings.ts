import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { warn } from '../../../shared/messages.js';
import { hasContent } from '../has-content.js';

/**
 * Remove headings with nothing in them (say, when all they held was raw HTML that
 * was removed): they would be empty entries in the contents and the bookmarks,
 * and headings that say nothing. Each is reported where it was written.
 */
export function rehypeEmptyHeadings() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (headingRank(node) === undefined || hasContent(node) || !parent || index === undefined) return;
      warn(file, 'empty-heading', 'Unexpected heading without text; it was removed', node.position?.start);
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
