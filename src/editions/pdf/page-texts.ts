import { type PDFDocument, type PDFPageLeaf, PDFRawStream } from 'pdf-lib';
import { contentRefs, contentText } from './pdf-trees.js';

/** A page's content streams as one text (Latin-1), and whether it was changed since read. */
export interface PageText {
  text: string;
  changed: boolean;
}
export type PageTexts = Map<PDFPageLeaf, PageText>;

/** The content of each page whose streams can be read, read once for the steps that change it. */
export function readPageTexts(pdf: PDFDocument): PageTexts {
  const texts: PageTexts = new Map();
  for (const page of pdf.getPages()) {
    const streams = contentRefs(page.node).map((ref) => pdf.context.lookup(ref));
    if (streams.length > 0 && streams.every((stream) => stream instanceof PDFRawStream)) {
      texts.set(page.node, { text: contentText(streams as PDFRawStream[]), changed: false });
    }
  }
  return texts;
}
