import { PDFDict, PDFName, type PDFDocument, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, resolve, structElements } from './pdf-trees.js';

/**
 * Group each table's rows as ISO 32000-1 (14.8.4.3.4) and PDF/UA readers know
 * them: the header rows it starts with (rows of header cells only: a Markdown
 * table's `<thead>`, which Chromium tags as bare rows) in a `THead`, the rows
 * after them in a `TBody`. Run after the pieces of a table split across pages
 * are one `Table` (`repairStructure`), so that a long table has one header.
 * A table whose rows are all header rows, or that holds other elements than rows
 * and its caption, is left as it is; its caption and what it paints itself stay
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
  const headerRow = (row: PDFRef) => {
    const cells = kidsOf(context.lookup(row, PDFDict)).map(typeOf);
    return cells.length > 0 && cells.every((cell) => cell === 'TH');
  };
  for (const table of structElements(context, root)) {
    if (typeOf(table.ref) !== 'Table' || !table.ref) continue;
    const kids = kidsOf(table.dict);
    // Rows, its caption, and what the table paints itself (marked content).
    if (!kids.every((kid) => typeOf(kid) === undefined || typeOf(kid) === 'TR' || typeOf(kid) === 'Caption')) continue;
    const rows = kids.filter((kid): kid is PDFRef => typeOf(kid) === 'TR');
    const first = kids.indexOf(rows[0]!);
    let heads = 0;
    while (heads < rows.length && headerRow(rows[heads]!)) heads++;
    if (heads === 0 || heads === rows.length) continue;
    const group = (type: 'THead' | 'TBody', members: PDFRef[]) => {
      const ref = context.register(context.obj({ Type: 'StructElem', S: type, P: table.ref!, K: members }));
      for (const member of members) context.lookup(member, PDFDict).set(PDFName.of('P'), ref);
      return ref;
    };
    const grouped = [group('THead', rows.slice(0, heads)), group('TBody', rows.slice(heads))];
    const others = kids.filter((kid) => typeOf(kid) !== 'TR');
    const before = kids.slice(0, first).length;
    table.dict.set(PDFName.of('K'), context.obj([...others.slice(0, before), ...grouped, ...others.slice(before)]));
  }
}
