import { PDFArray, type PDFContext, PDFDict, PDFName, type PDFDocument, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { dictAt, kidsOf, resolve, stringText, structElements } from './pdf-trees.js';
import { cellColumns } from './table-grid.js';

/**
 * Group each table's rows as ISO 32000-1 (14.8.4.3.4) and PDF/UA readers know
 * them: the header rows it starts with (rows of header cells only: a Markdown
 * table's `<thead>`, which Chromium tags as bare rows) in a `THead`, the rows
 * after them in a `TBody`, its footer rows (a `<tfoot>`'s, marked in their
 * language by rehype-structure-marks.ts) last, in a `TFoot`. Run after the
 * pieces of a table split across pages are one `Table` (`repairStructure`), so
 * that a long table has one header.
 * A data cell Chromium gave an empty `/Headers` (every cell on the pages after
 * the first of a split table: its header rows there are a copy, an artifact) gets
 * the header cells of its columns and of its row, as the cells on the first page
 * have them. A table with neither header nor footer rows, one of header rows
 * only, or one that holds other elements than rows and its caption, is left as
 * it is; its caption and what it paints itself stay
 * where they are around the groups.
 */
export function groupTableRows(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const typeOf = (value: unknown) => {
    const dict = value instanceof PDFRef ? resolve(context, value) : undefined;
    const type = dict instanceof PDFDict ? dict.get(PDFName.of('S')) : undefined;
    return type instanceof PDFName ? type.decodeText() : undefined;
  };
  // (Marked so in its language by rehype-structure-marks.ts.)
  const footerRow = (row: PDFRef) => /-gfoot$/i.test(stringText(context.lookup(row, PDFDict).get(PDFName.of('Lang'))) ?? '');
  const headerRow = (row: PDFRef) => {
    const cells = kidsOf(context.lookup(row, PDFDict)).map(typeOf);
    return cells.length > 0 && cells.every((cell) => cell === 'TH');
  };
  for (const table of structElements(context, root)) {
    if (typeOf(table.ref) !== 'Table' || !table.ref) continue;
    const kids = kidsOf(table.dict);
    // Rows, its caption, and what the table paints itself (marked content).
    if (!kids.every((kid) => typeOf(kid) === undefined || typeOf(kid) === 'TR' || typeOf(kid) === 'Caption')) continue;
    const all = kids.filter((kid): kid is PDFRef => typeOf(kid) === 'TR');
    const foot = all.filter(footerRow);
    const rows = all.filter((row) => !foot.includes(row));
    let heads = 0;
    while (heads < rows.length && headerRow(rows[heads]!)) heads++;
    if ((heads === 0 && foot.length === 0) || (heads === rows.length && foot.length === 0)) continue;
    const group = (type: 'THead' | 'TBody' | 'TFoot', members: PDFRef[]) => {
      if (members.length === 0) return [];
      const ref = context.register(context.obj({ Type: 'StructElem', S: type, P: table.ref!, K: members }));
      for (const member of members) context.lookup(member, PDFDict).set(PDFName.of('P'), ref);
      return [ref];
    };
    const grouped = [...group('THead', rows.slice(0, heads)), ...group('TBody', rows.slice(heads)), ...group('TFoot', foot)];
    fillHeaders(context, rows.slice(0, heads), [...rows.slice(heads), ...foot]);
    const others = kids.filter((kid) => typeOf(kid) !== 'TR');
    const before = kids.slice(0, kids.indexOf(all[0]!)).length;
    table.dict.set(PDFName.of('K'), context.obj([...others.slice(0, before), ...grouped, ...others.slice(before)]));
  }
}

/** A table attribute of a cell (`/A`: one attribute dictionary or several), with the dictionary that holds it. */
function attribute(context: PDFContext, cell: PDFDict, key: string): { holder: PDFDict; value: PDFObject } | undefined {
  const attributes = resolve(context, cell.get(PDFName.of('A')));
  const dicts = attributes instanceof PDFArray ? attributes.asArray().map((item) => resolve(context, item)) : [attributes];
  for (const dict of dicts) {
    const value = dict instanceof PDFDict ? dict.get(PDFName.of(key)) : undefined;
    if (dict instanceof PDFDict && value !== undefined) return { holder: dict, value };
  }
  return undefined;
}

/** Give each data cell with an empty `/Headers` the ids of the header cells over its columns and before it in its row. */
function fillHeaders(context: PDFContext, headRows: readonly PDFRef[], bodyRows: readonly PDFRef[]): void {
  const span = (cell: PDFDict, key: string) => {
    const value = attribute(context, cell, key)?.value;
    return value instanceof PDFNumber ? Math.max(1, Math.floor(value.asNumber())) : 1;
  };
  const columnHeads = new Map<number, string[]>();
  const cellsOf = (row: PDFRef) =>
    kidsOf(context.lookup(row, PDFDict))
      .map((kid) => resolve(context, kid))
      .filter((cell): cell is PDFDict => cell instanceof PDFDict && cell.has(PDFName.of('S')));
  const isHeader = (cell: PDFDict) => cell.get(PDFName.of('S')) === PDFName.of('TH');
  const idOf = (cell: PDFDict) => stringText(cell.get(PDFName.of('ID')));
  const rows = [...headRows, ...bodyRows].map(cellsOf);
  const grid = cellColumns(rows, (cell, across) => span(cell, across === 'columns' ? 'ColSpan' : 'RowSpan'));
  rows.forEach((cells, index) => {
    const rowHeads: string[] = [];
    cells.forEach((cell, at) => {
      const columns = grid[index]![at]!;
      const id = idOf(cell);
      if (isHeader(cell)) {
        if (id === undefined) return;
        if (index < headRows.length) for (const column of columns) columnHeads.set(column, [...(columnHeads.get(column) ?? []), id]);
        else rowHeads.push(id);
        return;
      }
      const headers = attribute(context, cell, 'Headers');
      if (!headers || !(headers.value instanceof PDFArray) || headers.value.size() > 0) return;
      const ids = [...new Set([...columns.flatMap((column) => columnHeads.get(column) ?? []), ...rowHeads])];
      if (ids.length > 0) headers.holder.set(PDFName.of('Headers'), context.obj(ids.map((value) => PDFString.of(value))));
    });
  });
}
