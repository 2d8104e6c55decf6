import { PDFName, type PDFDocument } from 'pdf-lib';
import { dictAt, structElements } from './pdf-trees.js';

/**
 * Close the gaps in the headings' levels, as PDF/UA asks (a heading is at most one
 * level below the one before it: Matterhorn 14-003): a manuscript's `###` right
 * after its chapter's `#` (warned about as `heading-order`) is tagged `H2` in the
 * PDF, and what follows it one level up too, until a heading at or above a level
 * already open comes. The page shows the heading as the author wrote it.
 */
export function closeHeadingGaps(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  let last = 0;
  for (const { dict } of structElements(context, root)) {
    const type = dict.get(PDFName.of('S'));
    const level = type instanceof PDFName ? /^H([1-6])$/.exec(type.decodeText())?.[1] : undefined;
    if (level === undefined) continue;
    const tagged = Math.min(Number(level), last + 1);
    if (tagged !== Number(level)) dict.set(PDFName.of('S'), PDFName.of(`H${tagged}`));
    last = tagged;
  }
}
