/**
 * The columns each cell of a table's rows takes, by HTML's table model (rows in
 * order, each its cells): a cell goes in the first column of its row that no cell
 * of a row above spans down into, and takes as many columns as it spans across.
 * For a table's tags (table-sections.ts) and its source (pdfua-gaps.ts) alike.
 */
export function cellColumns<Cell>(rows: ReadonlyArray<readonly Cell[]>, span: (cell: Cell, across: 'columns' | 'rows') => number): number[][][] {
  /** Columns taken by cells of rows above that span down, by row. */
  const taken = new Map<number, Set<number>>();
  return rows.map((cells, row) => {
    let column = 0;
    return cells.map((cell) => {
      while (taken.get(row)?.has(column)) column++;
      const columns = Array.from({ length: span(cell, 'columns') }, (_x, i) => column + i);
      for (let down = 1; down < span(cell, 'rows'); down++) {
        const below = taken.get(row + down) ?? new Set<number>();
        for (const c of columns) below.add(c);
        taken.set(row + down, below);
      }
      column += columns.length;
      return columns;
    });
  });
}
