import type { Book } from '../../model/book.js';
import { accessibilityGaps } from '../../shared/accessibility.js';
import { fail } from '../../shared/messages.js';

/**
 * What a book's text must give for its PDF to be PDF/UA-1 that Galley cannot
 * make up: header cells for every data table (Matterhorn 15; the render stage
 * warns about a table without them, and a PDF/UA build stops at it). A heading
 * that skips a level is tagged one level below the one before it, and an image
 * without a description is left out of the tags as decoration, so neither stops it.
 */
export function reportPdfUaGaps(book: Book): void {
  for (const chapter of book.chapters) {
    for (const table of accessibilityGaps(chapter.tree).tablesWithoutHeaders) {
      fail(
        chapter.file,
        'table-headers',
        'Table without header cells, which PDF/UA-1 forbids: a reader who cannot see it cannot tell what its columns hold (write a header row, or `<th>` cells in raw HTML)',
        table.position?.start,
      );
    }
  }
}
