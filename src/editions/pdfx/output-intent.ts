import { createHash } from 'node:crypto';
import { type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** The printing condition the press-ready PDF is made for. */
export interface PrintingCondition {
  /** The ICC output profile's bytes (CMYK). */
  profile: Uint8Array;
  /** A registered condition (color.org's registry), such as `CGATS TR 001` or `FOGRA39`. */
  identifier: string;
  /** Its description, for people. */
  description: string;
}

/** The PDF/X version Ghostscript's pdfwrite makes. */
export const PDFX_VERSION = 'PDF/X-3:2002';

/**
 * Make a document PDF/X-3: its output intent (the condition and its ICC
 * profile), the PDF/X keys of its information, a TrimBox on every page (the sheet
 * where no bleed set one) and no annotations. `id` becomes the trailer's /ID.
 */
export function markPdfX(pdf: PDFDocument, condition: PrintingCondition, id: Uint8Array): void {
  const { context } = pdf;
  const profile = context.flateStream(condition.profile, { N: 4 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputCondition: PDFString.of(condition.description),
    OutputConditionIdentifier: PDFString.of(condition.identifier),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(condition.description),
    DestOutputProfile: context.register(profile),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  for (const page of pdf.getPages()) {
    page.node.delete(PDFName.of('Annots'));
    if (!page.node.has(PDFName.of('TrimBox'))) {
      const { x, y, width, height } = page.getMediaBox();
      page.setTrimBox(x, y, width, height);
    }
  }
  const info = (pdf as unknown as { getInfoDict(): { set(key: PDFName, value: unknown): void } }).getInfoDict();
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(PDFX_VERSION));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  const hex = PDFHexString.of(Buffer.from(id).toString('hex').toUpperCase());
  context.trailerInfo.ID = context.obj([hex, hex]);
}

/** A document id from what it was made of: the same input, the same id. */
export function documentId(...parts: Array<string | Uint8Array>): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest().subarray(0, 16);
}
