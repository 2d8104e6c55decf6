import { type PDFDict, PDFName, PDFNumber, type PDFDocument, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, nameTree, nameTreeEntries, type StructElement, structElements } from './pdf-trees.js';
import { detach, isMarkedContentReference, ParentTree, takeContents } from './struct-moves.js';

const typeOf = (element: StructElement) => element.dict.get(PDFName.of('S'));
const is = (element: StructElement, type: string) => typeOf(element) === PDFName.of(type);

/**
 * Make the structure tree follow the book rather than its pages, where
 * Chromium's tags follow what Paged.js made of the document:
 * - a table that Paged.js split across pages is one `Table` again: the rows of
 *   each piece after the first (they have no header rows: the header is
 *   repeated on each page, as an artifact; row headers they have) join the rows
 *   of the table they continue, and the empty pieces go (a row split between
 *   pages stays two rows);
 * - a `<figure>` (a `Figure` that draws nothing itself: it holds the picture's
 *   own `Figure` and its `Caption`) is a `Div`: only the picture is a figure, with
 *   its text alternative (a picture without a description is not tagged at all).
 */
export function repairStructure(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const elements = structElements(context, root);
  const children = new Map<PDFDict, StructElement[]>();
  for (const element of elements) {
    if (!element.parent) continue;
    const siblings = children.get(element.parent.dict);
    if (siblings) siblings.push(element);
    else children.set(element.parent.dict, [element]);
  }
  const kids = (element: StructElement) => children.get(element.dict) ?? [];
  const onlyElements = (element: StructElement) => {
    const refs = new Set(kids(element).map((child) => child.ref));
    return kidsOf(element.dict).every((kid) => kid instanceof PDFRef && refs.has(kid));
  };

  for (const element of elements) {
    if (is(element, 'Figure') && !element.dict.has(PDFName.of('Alt')) && onlyElements(element)) {
      element.dict.set(PDFName.of('S'), PDFName.of('Div'));
    }
  }

  const removed = joinTablePieces(pdf, root, elements, kids);
  if (removed.size === 0) return;
  const ids = dictAt(context, root, 'IDTree');
  if (ids) {
    const kept = nameTreeEntries(context, ids).filter(([, value]) => !(value instanceof PDFRef && removed.has(value)));
    root.set(PDFName.of('IDTree'), context.register(nameTree(context, kept)));
  }
}

/** Join the pieces of split tables to the table they continue; the references of the pieces removed. */
function joinTablePieces(pdf: PDFDocument, root: PDFDict, elements: readonly StructElement[], kids: (element: StructElement) => StructElement[]): Set<PDFRef> {
  const { context } = pdf;
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref, index]));
  const hasHeader = (element: StructElement): boolean => kids(element).some((kid) => is(kid, 'TH') || hasHeader(kid));
  // A row of header cells only: what a piece after the first lacks (its copy of the header rows is an
  // artifact); row headers (`<th scope="row">`) it has like the first.
  const hasHeaderRow = (table: StructElement) => rows(table).some((row) => kids(row).length > 0 && kids(row).every((cell) => is(cell, 'TH')));
  const rows = (table: StructElement) => kids(table).filter((kid) => is(kid, 'TR'));
  const width = (row: StructElement | undefined) => (row ? kids(row).filter((cell) => is(cell, 'TD') || is(cell, 'TH')).length : 0);
  // A piece's first row has at most as many cells as the table's widest row (fewer where cells span
  // rows or columns, or where a row too tall for its page goes on).
  const fits = (first: StructElement | undefined, table: StructElement) => width(first) > 0 && width(first) <= Math.max(...rows(table).map(width));
  const pageOf = (element: StructElement | undefined): number | undefined => {
    const page = element?.dict.get(PDFName.of('Pg'));
    if (page instanceof PDFRef && pages.has(page)) return pages.get(page);
    const first = element ? kids(element)[0] : undefined;
    return first ? pageOf(first) : undefined;
  };
  const tree = new ParentTree(context, root);
  const movable = (table: StructElement) => {
    const refs = new Set(kids(table).map((child) => child.ref));
    return (
      table.ref !== undefined &&
      kidsOf(table.dict).every(
        (kid) =>
          (kid instanceof PDFNumber && table.dict.get(PDFName.of('Pg')) instanceof PDFRef) ||
          (kid instanceof PDFRef && refs.has(kid)) ||
          isMarkedContentReference(context, kid),
      )
    );
  };
  /** Move what `piece` holds into `table` (after its rows, or before them), and take the empty piece out. */
  const join = (piece: StructElement, table: StructElement & { ref: PDFRef }, before: boolean) => {
    // (`movable` pieces have a reference.)
    if (!piece.ref) return;
    for (const child of kids(piece)) kids(table)[before ? 'unshift' : 'push'](child);
    const moved = takeContents(context, piece.dict, table.ref, tree);
    const held = kidsOf(table.dict);
    table.dict.set(PDFName.of('K'), context.obj(before ? [...moved, ...held] : [...held, ...moved]));
    for (const ref of detach(context, piece.ref)) removed.add(ref);
  };
  const hasRef = (element: StructElement | undefined): element is StructElement & { ref: PDFRef } => element?.ref !== undefined;
  const removed = new Set<PDFRef>();
  let target: StructElement | undefined;
  // A table that holds only its caption (left at the foot of a page, its rows on the next).
  let lone: StructElement | undefined;
  for (const table of elements.filter((element) => is(element, 'Table'))) {
    const pieceRows = rows(table);
    const captioned = (element: StructElement) => kids(element).some((kid) => is(kid, 'Caption'));
    if (lone && hasRef(table) && hasHeader(table) && !captioned(table) && movable(table) && pageOf(pieceRows[0]) === (pageOf(lone) ?? Number.NaN) + 1) {
      join(lone, table, true);
    }
    lone = pieceRows.length === 0 && captioned(table) && movable(table) ? table : undefined;
    const last = target ? rows(target).at(-1) : undefined;
    const continues =
      hasRef(target) &&
      !hasHeaderRow(table) &&
      movable(table) &&
      pieceRows.length > 0 &&
      fits(pieceRows[0], target) &&
      pageOf(pieceRows[0]) === (pageOf(last) ?? Number.NaN) + 1;
    if (continues && hasRef(target)) join(table, target, false);
    else target = hasHeader(table) ? table : undefined;
  }
  return removed;
}
