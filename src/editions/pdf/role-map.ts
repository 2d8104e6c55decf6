import { PDFName, type PDFDocument } from 'pdf-lib';
import { dictAt, structElements } from './pdf-trees.js';

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which PDF/UA-1 readers know. */
export const STANDARD_STRUCTURE_TYPES: ReadonlySet<string> = new Set(
  [
    ['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private'],
    ['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody'],
    ['Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot'],
    ['Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP'],
    ['Figure', 'Formula', 'Form'],
  ].flat(),
);

/**
 * What the types of PDF 2.0 that Chromium writes mean in PDF 1.7: an `<aside>`
 * (the infobox) is a section of its own, emphasis a span, a footnote a note.
 */
const PDF2_TYPES: Readonly<Record<string, string>> = {
  Aside: 'Sect',
  Em: 'Span',
  Strong: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
};

/**
 * Give every structure type the tree uses that is not a standard PDF 1.7 type a
 * standard one in the structure tree root's `/RoleMap` (a type it does not know
 * becomes `NonStruct`: a grouping without meaning of its own), so that readers
 * and `pdfinfo -struct-text` keep what is inside (the infobox, say). Types the
 * role map names already are left as they are.
 */
export function mapStructureRoles(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const used = new Set<string>();
  for (const { dict } of structElements(context, root)) {
    const type = dict.get(PDFName.of('S'));
    if (type instanceof PDFName) used.add(type.decodeText());
  }
  const roleMap = dictAt(context, root, 'RoleMap') ?? context.obj({});
  const mapped = new Set(roleMap.keys().map((key) => key.decodeText()));
  const missing = [...used].filter((type) => !STANDARD_STRUCTURE_TYPES.has(type) && !mapped.has(type)).sort();
  if (missing.length === 0) return;
  for (const type of missing) roleMap.set(PDFName.of(type), PDFName.of(PDF2_TYPES[type] ?? 'NonStruct'));
  root.set(PDFName.of('RoleMap'), roleMap);
}
