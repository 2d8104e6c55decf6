import { PDFDict, PDFName, PDFNumber, type PDFDocument, PDFRef } from 'pdf-lib';

/**
 * Take out the link annotations that no structure element holds: the links of
 * page furniture, which Chromium leaves out of the tags with the rest of it (a
 * note's call in the header rows a table repeats on each page; the rows
 * themselves are artifacts, `mark-artifacts.ts`). PDF/UA has every link in a
 * `Link` element; the manuscript's own link, in the first copy of the rows, stays.
 * In a PDF without tags nothing is taken out.
 */
export function dropFurnitureLinks(pdf: PDFDocument): void {
  const { context } = pdf;
  if (!pdf.catalog.has(PDFName.of('StructTreeRoot'))) return;
  for (const page of pdf.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept = annots.asArray().filter((value) => {
      const annot = value instanceof PDFRef ? context.lookup(value) : value;
      const furniture =
        annot instanceof PDFDict && annot.get(PDFName.of('Subtype')) === PDFName.of('Link') && !(annot.get(PDFName.of('StructParent')) instanceof PDFNumber);
      if (furniture && value instanceof PDFRef) context.delete(value);
      return !furniture;
    });
    if (kept.length === annots.size()) continue;
    if (kept.length === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), context.obj(kept));
  }
}
