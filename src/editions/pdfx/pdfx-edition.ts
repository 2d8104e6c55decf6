import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, type PDFPage } from 'pdf-lib';
import type { Book } from '../../model/book.js';
import { warn } from '../../shared/messages.js';
import { generator } from '../../shared/package-files.js';
import { GhostscriptNotFoundError, type Ghostscript, runPdfWrite } from './ghostscript.js';
import { documentId, markPdfX, type PrintingCondition } from './output-intent.js';

export { findGhostscript } from './ghostscript.js';

export interface PdfXOptions {
  /** The Ghostscript to use (`findGhostscript`). */
  ghostscript: Ghostscript;
  /** The book's PDF edition, which the press-ready PDF is made from. */
  pdf: Uint8Array;
  /** The reproducible timestamp; PDF/X needs dates, so without one the epoch is written. */
  date: Date | undefined;
  /** How long Ghostscript may take, in milliseconds. */
  timeout: number;
  signal?: AbortSignal | undefined;
  env?: NodeJS.ProcessEnv | undefined;
}

/** Ghostscript's own CMYK profile (Artifex's SWOP profile), the default printing condition. */
async function defaultCondition(gs: Ghostscript): Promise<PrintingCondition> {
  const file = gs.profileFolders.map((folder) => path.join(folder, 'default_cmyk.icc')).find((candidate) => existsSync(candidate));
  if (!file)
    throw new GhostscriptNotFoundError(`Ghostscript's CMYK profile default_cmyk.icc was not found (looked in ${gs.profileFolders.join(', ') || 'no folder'})`);
  return {
    profile: await readFile(file),
    identifier: 'CGATS TR 001',
    description: 'U.S. web offset, coated paper (SWOP, CGATS TR 001)',
  };
}

/**
 * The press-ready edition: the PDF edition made PDF/X-3 by Ghostscript (every
 * colour converted to CMYK for the output intent's profile, fonts embedded, no
 * transparency, no links or tags, which PDF/X-3 does not allow or keep), then given
 * its output intent, the book's metadata and dates, and an id from its input, so the
 * same book gives the same bytes. Bookmarks, page labels, TrimBox and BleedBox are kept.
 */
export async function pdfxEdition(book: Book, options: PdfXOptions): Promise<Uint8Array> {
  const env = options.env ?? process.env;
  const gs = options.ghostscript;
  const condition = await defaultCondition(gs);
  const date = options.date ?? new Date(0);
  const folder = await mkdtemp(path.join(tmpdir(), 'galley-pdfx-'));
  try {
    const [input, profile, output] = ['book.pdf', 'output.icc', 'press.pdf'].map((name) => path.join(folder, name)) as [string, string, string];
    await writeFile(input, options.pdf);
    await writeFile(profile, condition.profile);
    await runPdfWrite(
      gs,
      [
        '-dPDFX',
        '-dPDFSETTINGS=/prepress',
        '-dAutoRotatePages=/None',
        '-dPreserveAnnots=false',
        '-sColorConversionStrategy=CMYK',
        '-sProcessColorModel=DeviceCMYK',
        `-sOutputICCProfile=${profile}`,
        `--permit-file-read=${folder}${path.sep}`,
        // Ghostscript 10.00 and 10.01's new PDF reader loses the text's Unicode mapping (ligatures, quotes).
        ...(gs.version[0] < 10 || (gs.version[0] === 10 && gs.version[1] < 2) ? ['-dNEWPDF=false'] : []),
        `-sOutputFile=${output}`,
        input,
      ],
      { signal: options.signal, timeout: options.timeout, env: { ...env, SOURCE_DATE_EPOCH: String(Math.floor(date.getTime() / 1000)) } },
    );
    const pdf = await PDFDocument.load(await readFile(output), { updateMetadata: false });
    reportFlattened(book, await PDFDocument.load(options.pdf, { updateMetadata: false }), pdf);
    const { config } = book;
    pdf.setTitle(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title, { showInWindowTitleBar: true });
    pdf.setProducer(`${generator} (Paged.js, Chromium, Ghostscript ${gs.version.join('.')}, pdf-lib)`);
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
    // Ghostscript keeps only the standard entries of the document information.
    const info = (pdf as unknown as { getInfoDict(): PDFDict }).getInfoDict();
    if (config.rights) info.set(PDFName.of('Rights'), PDFHexString.fromText(config.rights));
    info.set(PDFName.of('Identifier'), PDFHexString.fromText(config.identifier));
    markPdfX(pdf, condition, documentId(config.identifier, options.pdf, condition.profile));
    const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    return asPdf13(bytes);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** pdf-lib writes every file as PDF 1.7; PDF/X-3:2002 is PDF 1.3, and the header is the same length. */
function asPdf13(bytes: Uint8Array): Uint8Array {
  const header = Buffer.from('%PDF-1.7');
  if (!Buffer.from(bytes.subarray(0, header.length)).equals(header)) throw new Error('pdf-lib wrote an unexpected PDF header');
  bytes.set(Buffer.from('%PDF-1.3'), 0);
  return bytes;
}

/** The number of fonts a page's resources name. */
const fontCount = (page: PDFPage) => page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)?.keys().length ?? 0;

/**
 * Pages that had text and have none in the press-ready PDF: Ghostscript flattened their
 * transparency into one image (PDF/X-3 allows none). A warning names them.
 */
function reportFlattened(book: Book, before: PDFDocument, after: PDFDocument): void {
  const pages = after.getPages().flatMap((page, i) => (fontCount(page) === 0 && i < before.getPageCount() && fontCount(before.getPage(i)) > 0 ? [i + 1] : []));
  if (pages.length === 0) return;
  warn(
    book.configFile,
    'pdfx-flattened',
    `The press-ready PDF prints page${pages.length === 1 ? '' : 's'} ${pages.join(', ')} as ${pages.length === 1 ? 'an image' : 'images'}: ${pages.length === 1 ? 'it holds' : 'they hold'} transparency (opacity, rgba colours, shadows or an image with an alpha channel), which PDF/X-3 does not allow, and Ghostscript flattened it; the text there is no longer text`,
  );
}
