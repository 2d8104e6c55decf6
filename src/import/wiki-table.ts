/** A wiki table (`{| … |}`): its caption and rows of header or data cells. */
export interface WikiTable {
  kind: 'table';
  caption: string | undefined;
  rows: Array<Array<{ header: boolean; text: string }>>;
  line: number;
}

/** `style="…" | text` → `text`: cell attributes are not kept. */
const withoutAttributes = (cell: string): string => cell.replace(/^\s*(?:[a-z-]+\s*=\s*("[^"]*"|'[^']*'|\S+)\s*)+\|(?!\|)/i, '').trim();

/**
 * Parse the lines of a table from its `{|` line (index `start`) to its `|}`.
 * Returns the table and the index of the closing line, or the number of the line
 * that cannot be read (`bad`), or `unterminated` when no `|}` comes.
 */
export function parseTable(lines: readonly string[], start: number): { table: WikiTable; end: number } | { bad: number } | 'unterminated' {
  const table: WikiTable = { kind: 'table', caption: undefined, rows: [], line: start + 1 };
  let row: WikiTable['rows'][number] | undefined;
  const cells = (text: string, header: boolean) => {
    row ??= [];
    if (row.length === 0 && !table.rows.includes(row)) table.rows.push(row);
    for (const cell of text.split(header ? /!!|\|\|/ : /\|\|/)) row.push({ header, text: withoutAttributes(cell) });
  };
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('|}')) return { table, end: i };
    if (line === '') continue;
    if (line.startsWith('|+')) table.caption = withoutAttributes(line.slice(2));
    else if (line.startsWith('|-')) row = undefined;
    else if (line.startsWith('!')) cells(line.slice(1), true);
    else if (line.startsWith('|')) cells(line.slice(1), false);
    else if (row && row.length > 0) {
      // A cell continued on the next line.
      const last = row[row.length - 1]!;
      last.text = `${last.text} ${line}`.trim();
    } else return { bad: i + 1 };
  }
  return 'unterminated';
}
