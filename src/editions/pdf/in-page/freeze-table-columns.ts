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
 *
 * Paged.js takes every element with a `style` attribute for one that is not
 * displayed (its UndisplayedFilter marks it `data-undisplayed`), and a heading's
 * `break-after: avoid` then passed over the frozen table to what follows it: the
 * heading was left alone at the foot of a page. A Paged.js filter that runs after
 * that one takes the mark off the frozen tables and their cells.
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
  // Soft hyphens do not count either: a short name in a narrow column ("Bagh-dad")
  // was hyphenated although the table had room for it whole.
  for (const table of tables) {
    table.style.overflowWrap = 'normal';
    table.style.hyphens = 'none';
  }
  const frozen = tables.map((table) => {
    const natural = columnsOf(table);
    const room = table.parentElement?.clientWidth ?? width;
    if (sum(natural) <= room + 0.5) return { table, columns: natural };
    // Too wide for the page with every word whole: set smaller, down to 80 %.
    const scale = Math.max(0.8, (0.98 * room) / sum(natural));
    table.style.fontSize = `${(scale * 100).toFixed(1)}%`;
    const smaller = columnsOf(table);
    if (sum(smaller) <= room + 0.5) return { table, columns: smaller };
    // Still too wide: words break, at their hyphenation points where that is enough
    // (header cells too, which otherwise never hyphenate), in the widest columns
    // only: none is narrower than the widest of the others it leaves whole. A column
    // counts as wide as its longest word, or as its text set in six lines if that
    // is wider (an address, broken at every slash, counted as its longest piece,
    // was left a few letters wide and its row grew taller than a page).
    const heads = Array.from(table.querySelectorAll<HTMLTableCellElement>('th'));
    const measure = () => {
      table.style.hyphens = 'none';
      for (const head of heads) head.style.removeProperty('hyphens');
      table.style.width = 'max-content';
      const longest = columnsOf(table).map((w) => w + 2);
      table.style.width = '1px';
      const whole = columnsOf(table).map((w) => w + 2);
      table.style.hyphens = 'manual';
      for (const head of heads) head.style.hyphens = 'manual';
      const least = columnsOf(table).map((w) => w + 2);
      table.style.removeProperty('width');
      return { longest, whole, least };
    };
    let { longest, whole, least } = measure();
    // Too wide even so: smaller still, down to 65 % (with room to spare for long text), before words break anywhere.
    if (sum(least) > room && scale > 0.65) {
      table.style.fontSize = `${(Math.max(0.65, (0.85 * scale * room) / sum(least)) * 100).toFixed(1)}%`;
      ({ longest, whole, least } = measure());
    }
    const hyphenate = (columns: number[]) => {
      for (const head of heads)
        if (!(head.cellIndex in columns) || columns[head.cellIndex]! >= whole[head.cellIndex]! - 0.5) head.style.removeProperty('hyphens');
      return { table, columns };
    };
    // Words break at hyphenation points only, while the columns' least widths fit;
    // else anywhere, in the columns whose longest pieces are the longest.
    const most = (widths: number[], total: number) => {
      let [low, high] = [0, Math.max(...widths)];
      for (let step = 0; step < 30; step++) {
        const cap = (low + high) / 2;
        if (sum(widths.map((w) => Math.min(w, cap))) > total) high = cap;
        else low = cap;
      }
      return low;
    };
    const floor = sum(least) <= room ? least : least.map((w) => Math.min(w, most(least, room)));
    const wanted = whole.map((w, i) => Math.min(Math.max(w, longest[i]!), Math.max(w, longest[i]! / 6)));
    const capped = (cap: number) => wanted.map((w, i) => Math.max(floor[i]!, Math.min(w, cap)));
    let [low, high] = [0, Math.max(...wanted)];
    for (let step = 0; step < 30; step++) {
      const cap = (low + high) / 2;
      if (sum(capped(cap)) > room) high = cap;
      else low = cap;
    }
    return hyphenate(capped(low));
  });
  for (const { table, columns } of frozen) {
    table.style.removeProperty('overflow-wrap');
    table.style.removeProperty('hyphens');
    if (columns.length === 0) continue;
    table.dataset.galleyFrozen = '';
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
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (paged && frozen.length > 0) {
    class FrozenTablesAreDisplayed extends paged.Handler {
      filter(content: DocumentFragment) {
        for (const element of content.querySelectorAll<HTMLElement>('table[data-galley-frozen], table[data-galley-frozen] [data-undisplayed]')) {
          if (element.style.display !== 'none') delete element.dataset.undisplayed;
        }
      }
    }
    paged.registerHandlers(FrozenTablesAreDisplayed);
  }
  if (before === null) body.removeAttribute('style');
  else body.setAttribute('style', before);
  return frozen.length;
}
