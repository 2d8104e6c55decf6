import { createHash } from 'node:crypto';
import { type PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { BookConfig } from '../../model/book.js';
import { forbiddenBy, type PdfStandard, pdfClaims } from '../../shared/pdf-standards.js';
import { BuildFailure } from '../../shared/messages.js';
import { generator } from '../../shared/package-files.js';
import { bleedOf, sheetMarginOf } from '../../shared/page-geometry.js';
import { type TrimSize, trimSize } from '../../shared/trim-sizes.js';
import { describeLinks } from './link-descriptions.js';
import { dropFurnitureLinks } from './furniture-links.js';
import { flattenTextRuns, flattenWrappers } from './flatten-wrappers.js';
import { closeHeadingGaps } from './heading-levels.js';
import { wrapListBodies } from './list-bodies.js';
import { wrapCodeBlocks } from './code-blocks.js';
import { notdefUses, type NotdefUse } from './notdef.js';
import { conformToPdfA, longStrings, MAX_STRING_BYTES } from './pdfa.js';
import { pdfUaProblems, type UaProblem } from './pdfua.js';
import { repairStructure } from './logical-structure.js';
import { shortenDestinationNames } from './short-names.js';
import { joinSplitPieces } from './split-pieces.js';
import { mapStructureRoles } from './role-map.js';
import { stabiliseStructIds } from './stable-struct-ids.js';
import { groupTableRows } from './table-sections.js';
import { xmlSafe } from '../shared/xml-serialise.js';
import { type DocumentMetadata, keywordsOf, xmpPacket } from './xmp-metadata.js';

export interface PostProcessOptions {
  config: BookConfig;
  /** The reproducible timestamp (see `sourceDate`); without one, no dates are written. */
  date: Date | undefined;
  /** The page where the body starts again at 1 after roman front matter (1-based), if it does. */
  bodyStart?: number | undefined;
  /** How a link to an id within the book is described (its `/Contents`); without it, by the id. */
  describeDestination?: ((id: string) => string) | undefined;
  /** The standards to make the file to (PDF/A: output intent, annotation flags; PDF/UA: checked), each claimed in XMP; none: none. */
  standards?: readonly PdfStandard[] | undefined;
}

/**
 * Rewrite what Chromium puts in the document information (its user agent, the
 * clock) with the manuscript's metadata, mirrored in an XMP stream; give the file
 * an id from its content, the structure tree the book's shape (`repairStructure`)
 * and a role map of standard types, every link a description; set the language and viewer preferences, and save
 * deterministically.
 */
export async function postProcess(pdf: PDFDocument, options: PostProcessOptions): Promise<Uint8Array> {
  const { config } = options;
  const standards = options.standards ?? [];
  stabiliseStructIds(pdf);
  repairStructure(pdf);
  groupTableRows(pdf);
  mapStructureRoles(pdf);
  joinSplitPieces(pdf);
  flattenWrappers(pdf);
  flattenTextRuns(pdf);
  wrapListBodies(pdf);
  wrapCodeBlocks(pdf);
  closeHeadingGaps(pdf);
  dropFurnitureLinks(pdf);
  describeLinks(pdf, options.describeDestination ?? ((id) => id));
  shortenDestinationNames(pdf);
  const meta: DocumentMetadata = {
    title: xmlSafe(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title),
    author: xmlSafe(config.creator.join(', ')),
    subject: config.description === undefined ? undefined : xmlSafe(config.description),
    keywords: (config.subjects ?? []).map(xmlSafe),
    language: config.language,
    rights: config.rights === undefined ? undefined : xmlSafe(config.rights),
    identifier: config.identifier,
    publisher: config.publisher === undefined ? undefined : xmlSafe(config.publisher),
    creatorTool: generator,
    producer: `${generator} (Paged.js, Chromium, pdf-lib)`,
    date: options.date,
    // Set once the file is made: a digest of all of it (`identify`).
    instanceId: PENDING_INSTANCE,
    ...pdfClaims(standards),
  };
  setInfo(pdf, meta);
  // Uncompressed, as PDF/A asks, so that tools that do not parse PDF find it.
  const xmp = pdf.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  const pending = PDFHexString.of(PENDING_ID);
  pdf.context.trailerInfo.ID = pdf.context.obj([pending, pending]);
  if (pdf.catalog.has(PDFName.of('Outlines'))) pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const sheet = sheetMarginOf(config.page);
  if (sheet > 0) setPrintBoxes(pdf, trimSize(config.trim)!, bleedOf(config.page), sheet);
  // Page labels, for viewers' page numbers to be the folios: roman, then arabic from the body.
  if (options.bodyStart !== undefined && options.bodyStart > 1) {
    const labels = pdf.context.obj({ Nums: [0, { S: 'r' }, options.bodyStart - 1, { S: 'D' }] });
    pdf.catalog.set(PDFName.of('PageLabels'), labels);
  }
  if (standards.length > 0) refuseNotdef(notdefUses(pdf), standards);
  if (standards.includes('pdfa-2b')) {
    refuseLongStrings(longStrings(pdf));
    await conformToPdfA(pdf);
  }
  // (Last: what PDF/UA asks of the file as it is saved.)
  if (standards.includes('pdfua-1')) refuseUaProblems(pdfUaProblems(pdf));
  return identify(await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY }));
}

/** Stand-ins for the file id and the XMP instance id, of their final lengths, until the file is made. */
const PENDING_ID = '0'.repeat(32);
const PENDING_INSTANCE = 'uuid:00000000-0000-0000-0000-000000000000';

/**
 * Give the file its id: the first 128 bits of the SHA-256 of the whole file as
 * saved with stand-ins, written over them in place (the trailer's `/ID`, and the
 * XMP instance id as a UUID). Everything in the file decides it, so two different
 * files never share it, and the same book always has the same.
 */
function identify(bytes: Uint8Array): Uint8Array {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = createHash('sha256').update(file).digest('hex').slice(0, 32).toUpperCase();
  const uuid = `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`.toLowerCase();
  const trailer = file.lastIndexOf('trailer');
  const instance = file.indexOf(PENDING_INSTANCE, 0, 'latin1');
  if (trailer < 0 || instance < 0) throw new Error('The PDF has no room for its id (trailer or XMP instance id not found)');
  const stand = Buffer.from(`<${PENDING_ID}>`, 'latin1');
  for (let at = file.indexOf(stand, trailer); at >= 0; at = file.indexOf(stand, at + stand.length)) file.write(`<${id}>`, at, 'latin1');
  file.write(uuid, instance, 'latin1');
  return bytes;
}

/** The document information dictionary, and the catalog's language and window title. */
function setInfo(pdf: PDFDocument, meta: DocumentMetadata): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  if (meta.subject !== undefined) pdf.setSubject(meta.subject);
  pdf.setCreator(meta.creatorTool);
  pdf.setProducer(meta.producer);
  pdf.setLanguage(meta.language);
  const info = (pdf as unknown as { getInfoDict(): { delete(key: PDFName): void; set(key: PDFName, value: PDFHexString): void } }).getInfoDict();
  if (meta.date) {
    pdf.setCreationDate(meta.date);
    pdf.setModificationDate(meta.date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  const text = (value: string) => PDFHexString.fromText(value);
  // pdf-lib's setKeywords joins with spaces; subjects may contain spaces themselves.
  if (meta.keywords.length > 0) info.set(PDFName.of('Keywords'), text(keywordsOf(meta.keywords)));
  if (meta.rights !== undefined) info.set(PDFName.of('Rights'), text(meta.rights));
  info.set(PDFName.of('Identifier'), text(meta.identifier));
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

/** Stop a PDF/A or PDF/UA build whose pages draw the .notdef glyph (what the text's check of missing glyphs cannot see: capitals of a running head, a style sheet's `content`, text in an SVG). */
function refuseNotdef(uses: readonly NotdefUse[], standards: readonly PdfStandard[]): void {
  if (uses.length === 0) return;
  const pages = uses.slice(0, 5).map((use) => `page ${use.page} (${use.font})`);
  const more = uses.length > 5 ? ` and ${uses.length - 5} more` : '';
  throw new BuildFailure(
    `${forbiddenBy(standards)} the .notdef glyph, and the book draws it where a character has no glyph in the font: on ${pages.join(', ')}${more} of the PDF. Take the character out or build without --pdf-standard (a missing-glyph warning names its place when it is in the text)`,
  );
}

/**
 * Stop a PDF/UA build whose file does not meet a condition of PDF/UA-1 checked
 * (`pdfUaProblems`): no file claims what it is not. What the book's text can cause
 * (a table without header cells, a missing glyph) is reported at its place before;
 * what is left is Galley's to mend.
 */
function refuseUaProblems(problems: readonly UaProblem[]): void {
  if (problems.length === 0) return;
  const named = [...new Set(problems.map((problem) => `${problem.message} (Matterhorn ${problem.checkpoint})`))];
  const more = named.length > 5 ? ` and ${named.length - 5} more` : '';
  throw new BuildFailure(
    `The PDF does not meet PDF/UA-1, so it is not written as PDF/UA: ${named.slice(0, 5).join('; ')}${more}. This is Galley's to mend (please report it); build without pdfua-1 meanwhile`,
  );
}

/** What each entry a long string can be in holds, for the message. */
const STRING_SOURCES: Record<string, string> = {
  Subject: 'the description (book.yaml `description`)',
  Keywords: 'the subjects (book.yaml `subjects`)',
  Title: 'the title',
  Author: 'the creators',
  Rights: 'the rights statement',
  URI: 'a link’s address',
  Contents: 'a link’s description (the text of its target)',
  Alt: 'an image’s description',
  ActualText: 'a text’s replacement',
};

/** Stop a PDF/A build with a string longer than PDF/A allows. */
function refuseLongStrings(found: ReadonlyArray<{ key: string; bytes: number }>): void {
  if (found.length === 0) return;
  const named = found.slice(0, 5).map(({ key, bytes }) => `${STRING_SOURCES[key] ?? `a /${key} entry`}: ${bytes} bytes`);
  throw new BuildFailure(
    `PDF/A limits a string to ${MAX_STRING_BYTES} bytes, and the PDF has longer ones: ${named.join('; ')}. Shorten them or build without --pdf-standard`,
  );
}
