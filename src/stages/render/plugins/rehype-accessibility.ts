import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { accessibilityGaps } from '../../../shared/accessibility.js';
import { warn } from '../../../shared/messages.js';

/**
 * Warn where the chapter leaves readers who cannot see it behind: a data table
 * without header cells, a heading that skips a level. (Images without a
 * description are reported with the images.) Each gap also keeps the e-book from
 * claiming WCAG conformance.
 */
export function rehypeAccessibility() {
  return (tree: Root, file: VFile) => {
    const gaps = accessibilityGaps(tree);
    for (const table of gaps.tablesWithoutHeaders) {
      warn(
        file,
        'table-headers',
        'Table without header cells; readers who cannot see it cannot tell what its columns hold (write a header row, or `<th>` cells in raw HTML)',
        table.position?.start,
      );
    }
    for (const { heading, after } of gaps.skippedHeadings) {
      warn(
        file,
        'heading-order',
        `Heading of level ${heading.tagName.slice(1)} after one of level ${after}; readers who move by headings miss a level (use level ${after + 1})`,
        heading.position?.start,
      );
    }
  };
}
