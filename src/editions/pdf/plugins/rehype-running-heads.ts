import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import { textWithoutNoteCalls } from '../../../shared/heading-text.js';

/**
 * The running head each chapter title and section heading sets in print
 * (`string-set: section attr(data-galley-head)` in print.css): its text without its
 * footnote calls, one line. `split-book.ts` carries the same string from a part to
 * the next.
 */
export function rehypeRunningHeads() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (isRunningHead(node, parent)) node.properties.dataGalleyHead = runningHeadOf(node);
    });
  };
}

const classes = (element: Element) => (element.properties.className as string[] | undefined) ?? [];

/** A chapter's title (`.chapter > h1`) or a section heading (an `h2` not for screen readers only). */
export function isRunningHead(node: Element, parent: Root | Element | undefined): boolean {
  const rank = headingRank(node);
  const title = rank === 1 && parent?.type === 'element' && classes(parent).includes('chapter');
  return title || (rank === 2 && !classes(node).includes('sr-only'));
}

/** A heading's text as its running head: no footnote calls, white space collapsed. */
export function runningHeadOf(node: Element): string {
  return textWithoutNoteCalls(node).replace(/\s+/g, ' ').trim();
}
