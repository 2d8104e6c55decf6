import { type PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { BookConfig } from '../../model/book.js';
import { generator } from '../../shared/package-files.js';
import { bleedOf, sheetMarginOf } from '../../shared/page-geometry.js';
import { type TrimSize, trimSize } from '../../shared/trim-sizes.js';
import { stabiliseStructIds } from './stable-struct-ids.js';

export interface PostProcessOptions {
  config: BookConfig;
  /** The reproducible timestamp (see `sourceDate`); without one, no dates are written. */
  date: Date | undefined;
  /** The page where the body starts again at 1 after roman front matter (1-based), if it does. */
  bodyStart?: number | undefined;
}

/**
 * Rewrite what Chromium puts in the document information (its user agent, the
 * clock) with the manuscript's metadata, set the language and viewer preferences,
 * and save deterministically.
 */
export async function postProcess(pdf: PDFDocument, options: PostProcessOptions): Promise<Uint8Array> {
  const { config } = options;
  stabiliseStructIds(pdf);
  pdf.setTitle(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title, { showInWindowTitleBar: true });
  pdf.setAuthor(config.creator.join(', '));
  if (config.description) pdf.setSubject(config.description);
  pdf.setCreator(generator);
  pdf.setProducer(`${generator} (Paged.js, Chromium, pdf-lib)`);
  pdf.setLanguage(config.language);
  const info = (pdf as unknown as { getInfoDict(): { delete(key: PDFName): void; set(key: PDFName, value: PDFHexString): void } }).getInfoDict();
  if (options.date) {
    pdf.setCreationDate(options.date);
    pdf.setModificationDate(options.date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  const text = (value: string) => PDFHexString.fromText(value);
  // pdf-lib's setKeywords joins with spaces; subjects may contain spaces themselves.
  if (config.subjects) info.set(PDFName.of('Keywords'), text(config.subjects.join('; ')));
  if (config.rights) info.set(PDFName.of('Rights'), text(config.rights));
  info.set(PDFName.of('Identifier'), text(config.identifier));
  if (pdf.catalog.has(PDFName.of('Outlines'))) pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const sheet = sheetMarginOf(config.page);
  if (sheet > 0) setPrintBoxes(pdf, trimSize(config.trim)!, bleedOf(config.page), sheet);
  // Page labels, for viewers' page numbers to be the folios: roman, then arabic from the body.
  if (options.bodyStart !== undefined && options.bodyStart > 1) {
    const labels = pdf.context.obj({ Nums: [0, { S: 'r' }, options.bodyStart - 1, { S: 'D' }] });
    pdf.catalog.set(PDFName.of('PageLabels'), labels);
  }
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * With a bleed, each sheet is the trim plus the bleed on every side, and with
 * printer's marks the marks' room outside that (Paged.js's layout): the TrimBox is
 * the page as cut and the BleedBox the trim plus the bleed, where a print shop's
 * imposition reads them; the marks are outside the BleedBox, on the MediaBox. A page
 * an author's sheet sized otherwise (`@page { size: … }`) is cut at the sheet's margin.
 */
function setPrintBoxes(pdf: PDFDocument, trim: TrimSize, bleedMm: number, sheetMm: number): void {
  const points = (mm: number) => Math.round(((mm * 72) / 25.4) * 1000) / 1000;
  const [bleed, margin] = [points(bleedMm), points(sheetMm)];
  // The trim as set when the sheet is near it (Chromium rounds the sheet), else the sheet less its margin.
  const cut = (sheet: number, side: number) => (Math.abs(sheet - 2 * margin - points(side)) < 2 ? points(side) : sheet - 2 * margin);
  for (const page of pdf.getPages()) {
    const { x, y, width, height } = page.getMediaBox();
    const [trimWidth, trimHeight] = [cut(width, trim.width), cut(height, trim.height)];
    // Centred on the sheet: Chromium rounds the sheet to its pixels, the trim is exact.
    const [dx, dy] = [(width - trimWidth) / 2, (height - trimHeight) / 2];
    page.setTrimBox(x + dx, y + dy, trimWidth, trimHeight);
    const [bx, by] = [Math.max(x, x + dx - bleed), Math.max(y, y + dy - bleed)];
    page.setBleedBox(bx, by, Math.min(width, trimWidth + 2 * bleed), Math.min(height, trimHeight + 2 * bleed));
  }
}
