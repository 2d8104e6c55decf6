import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';

/**
 * What a book's content does for readers who cannot see it, found in its trees:
 * the render stage warns about the gaps, and the e-book states accessibility
 * claims only where they hold.
 */
export interface AccessibilityGaps {
  /** Images: all of them, and those without a description. */
  images: Element[];
  undescribedImages: Element[];
  /** Tables: all of them, and those without header cells. */
  tables: Element[];
  tablesWithoutHeaders: Element[];
  /** Headings that go more than one level deeper than the heading before them. */
  skippedHeadings: Array<{ heading: Element; after: number }>;
}

/** The gaps of one chapter tree (the level of the heading before it, for books). */
export function accessibilityGaps(tree: Root, previousLevel = 0): AccessibilityGaps & { lastLevel: number } {
  const gaps: AccessibilityGaps = { images: [], undescribedImages: [], tables: [], tablesWithoutHeaders: [], skippedHeadings: [] };
  let level = previousLevel;
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName === 'img') {
      gaps.images.push(node);
      if (typeof node.properties.alt !== 'string' || node.properties.alt.trim() === '') gaps.undescribedImages.push(node);
    } else if (node.tagName === 'table') {
      let headers = false;
      let data = false;
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName === 'th') headers = true;
        // An infobox's image row is a picture, not data.
        const classes = Array.isArray(cell.properties.className) ? cell.properties.className : [];
        if (cell.tagName === 'td' && !classes.includes('infobox-image')) data = true;
      });
      // A table with no data cells is not a data table (an infobox with a caption, or a picture, only).
      if (data) gaps.tables.push(node);
      if (data && !headers) gaps.tablesWithoutHeaders.push(node);
    }
    const rank = headingRank(node);
    // The footnotes' label is navigation, not part of the outline.
    if (rank === undefined || (parent?.type === 'element' && parent.properties.dataFootnotes !== undefined)) return;
    if (rank > level + 1 && level > 0) gaps.skippedHeadings.push({ heading: node, after: level });
    level = rank;
  });
  return { ...gaps, lastLevel: level };
}
