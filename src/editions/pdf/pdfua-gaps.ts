import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { Book } from '../../model/book.js';
import { accessibilityGaps } from '../../shared/accessibility.js';
import { fail } from '../../shared/messages.js';
import { cellColumns } from './table-grid.js';

const isElement = (node: ElementContent | undefined, ...names: string[]): node is Element => node?.type === 'element' && names.includes(node.tagName);

/**
 * What a book's text must give for its PDF to be PDF/UA-1 that Galley cannot
 * make up: header cells for every data table, and for every data cell in it
 * (Matterhorn 15: a cell Chromium finds no header cell for is tagged with an empty
 * `/Headers`). The render stage warns about a table without any; a PDF/UA build
 * stops at either, at the table. A heading that skips a level is tagged one level
 * below the one before it, and an image without a description is left out of the
 * tags as decoration, so neither stops it.
 */
export function reportPdfUaGaps(book: Book): void {
  for (const chapter of book.chapters) {
    const without = new Set(accessibilityGaps(chapter.tree).tablesWithoutHeaders);
    visit(chapter.tree, 'element', (table: Element) => {
      if (table.tagName !== 'table') return;
      if (without.has(table)) {
        fail(
          chapter.file,
          'table-headers',
          'Table without header cells, which PDF/UA-1 forbids: a reader who cannot see it cannot tell what its columns hold (write a header row, or `<th>` cells in raw HTML)',
          table.position?.start,
        );
      } else if (hasUnheadedCell(table)) {
        fail(
          chapter.file,
          'table-headers',
          'Table with data cells that no header cell heads (none in their row, none above them in their column), which PDF/UA-1 forbids (start the table with a header row, or give each row a `<th>`)',
          table.position?.start,
        );
      }
    });
  }
}

/** Whether a data cell of `table` has no header cell in its row nor above it in its column (as HTML's table model finds them, spans counted, nested tables apart). */
function hasUnheadedCell(table: Element): boolean {
  const rows: Element[] = [];
  const headRows = new Set<Element>();
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (isElement(child, 'thead', 'tbody', 'tfoot')) {
      const inside = child.children.filter((row): row is Element => isElement(row, 'tr'));
      rows.push(...inside);
      if (child.tagName === 'thead') for (const row of inside) headRows.add(row);
    }
  }
  /** Columns whose cell in the header rows is a data cell: the corner over a column of row labels (an empty header cell, made one). */
  const corner = new Set<number>();
  const headed = new Set<number>();
  /** Rows a header cell of a row above spans into. */
  const headedRows = new Set<number>();
  const span = (cell: Element, key: 'colSpan' | 'rowSpan') => Math.max(1, Math.floor(Number(cell.properties[key] ?? 1)) || 1);
  const cells = rows.map((row) => row.children.filter((cell): cell is Element => isElement(cell, 'td', 'th')));
  const grid = cellColumns(cells, (cell, across) => span(cell, across === 'columns' ? 'colSpan' : 'rowSpan'));
  return rows.some((row, index) => {
    for (const cell of cells[index]!) if (cell.tagName === 'th') for (let down = 0; down < span(cell, 'rowSpan'); down++) headedRows.add(index + down);
    const rowHeaded = headedRows.has(index);
    let unheaded = false;
    cells[index]!.forEach((cell, at) => {
      const columns = grid[index]![at]!;
      // (An infobox's picture row is a picture, not data.)
      const picture = Array.isArray(cell.properties.className) && cell.properties.className.includes('infobox-image');
      if (cell.tagName === 'th') for (const c of columns) headed.add(c);
      else if (headRows.has(row)) for (const c of columns) corner.add(c);
      else if (!rowHeaded && !picture && !columns.some((c) => headed.has(c) || corner.has(c))) unheaded = true;
    });
    return unheaded;
  });
}
