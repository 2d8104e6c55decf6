/**
 * Runs inside the layout page (`page.evaluate`) before Paged.js lays anything out,
 * so it must be self-contained.
 *
 * Chromium sizes the columns of a table from its rows, and Paged.js lays each
 * page's piece of a table out on its own: the columns changed from page to page,
 * and when rows moved on to the next page, the piece left behind was laid out
 * again, its columns changed, its cells grew, and their last lines ran off the
 * page. So each table is laid out once, as a whole, at the width of the page's
 * text, and its widths are frozen (`table-layout: fixed`, the table's width and
 * every cell's, which each piece of the table keeps). The infobox has a fixed
 * layout of its own. Returns how many tables were frozen.
 */
export async function freezeTableColumns(): Promise<number> {
  await document.fonts.ready;
  const probe = document.createElement('div');
  probe.style.width = 'var(--galley-content-width)';
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  if (width === 0) return 0;
  const body = document.body;
  const before = body.getAttribute('style');
  body.style.width = `${width}px`;
  const tables = Array.from(document.querySelectorAll<HTMLTableElement>('table')).filter((table) => !table.closest('.infobox'));
  const columnsOf = (table: HTMLTableElement) => {
    const widest = Array.from(table.rows).reduce<HTMLTableRowElement | undefined>(
      (best, row) => (!best || row.cells.length > best.cells.length ? row : best),
      undefined,
    );
    return widest ? Array.from(widest.cells, (cell) => cell.getBoundingClientRect().width) : [];
  };
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  // Measured with words whole: Chromium lets `overflow-wrap: break-word` (the
  // body's) shrink a cell below its longest word when sizing columns, and numbers
  // and names then broke anywhere. Laid out, long words may still break.
  for (const table of tables) table.style.overflowWrap = 'normal';
  const frozen = tables.map((table) => {
    const natural = columnsOf(table);
    const room = table.parentElement?.clientWidth ?? width;
    if (sum(natural) <= room + 0.5) return { table, columns: natural };
    // Too wide for the page with every word whole: set smaller, down to 80 %.
    const scale = Math.max(0.8, (0.98 * room) / sum(natural));
    table.style.fontSize = `${(scale * 100).toFixed(1)}%`;
    const smaller = columnsOf(table);
    if (sum(smaller) <= room + 0.5) return { table, columns: smaller };
    // Still too wide: the narrow columns keep their words whole (with a little to
    // spare), the wide ones share the rest, and their long words break, as in a
    // paragraph too narrow for them.
    table.style.width = '1px';
    const least = columnsOf(table).map((w) => w + 2);
    table.style.removeProperty('width');
    const share = room / least.length;
    const kept = sum(least.filter((w) => w <= share));
    const squeezed = sum(least.filter((w) => w > share));
    const columns = least.map((w) => (w <= share || kept >= room ? Math.min(w, share) : (w * (room - kept)) / squeezed));
    return { table, columns };
  });
  for (const { table, columns } of frozen) {
    table.style.removeProperty('overflow-wrap');
    if (columns.length === 0) continue;
    table.style.tableLayout = 'fixed';
    table.style.width = `${sum(columns)}px`;
    for (const row of Array.from(table.rows)) {
      Array.from(row.cells).forEach((cell, i) => {
        if (cell.colSpan !== 1 || columns[i] === undefined) return;
        // The width measured is the cell's border box.
        cell.style.boxSizing = 'border-box';
        cell.style.width = `${columns[i]}px`;
      });
    }
  }
  if (before === null) body.removeAttribute('style');
  else body.setAttribute('style', before);
  return frozen.length;
}
