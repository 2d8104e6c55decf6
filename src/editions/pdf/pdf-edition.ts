import { type Book, sourceFiles } from '../../model/book.js';
import { sheetMarginOf } from '../../shared/page-geometry.js';
import { bodyStartId, folioOf } from '../shared/folios.js';
import type { PrintLayout } from '../../model/print-layout.js';
import { BuildFailure, describeError, GalleyError, throwIfFatal, warn } from '../../shared/messages.js';
import type { PdfStandard } from '../../shared/pdf-standards.js';
import type { StageTimer } from '../../shared/timings.js';
import type { BrowserHandle } from './browser.js';
import { captureTitlePage } from './cover.js';
import { bookWords } from './book-words.js';
import { BookJoiner } from './join-parts.js';
import { type LaidOutBook, type LayoutProgress, layOutParts } from './lay-out-parts.js';
import { printDocuments } from './layout-document.js';
import { destinationDescriber } from './link-targets.js';
import { reportLowResolution } from './low-resolution.js';
import { reportBoxesOnPages, reportMissingGlyphs } from './missing-glyphs.js';
import { notdefUses } from './notdef.js';
import { reportPdfUaGaps } from './pdfua-gaps.js';
import { postProcess } from './post-process.js';
import { PrintImages } from './print-images.js';
import type { PrintedImage } from './in-page/image-resolution.js';
import { POLYFILL_URL } from './request-router.js';
import { systemFonts } from './system-fonts.js';
import { drawableText, undrawableFinder } from './undrawable.js';
import { reportTextOnPages } from './text-on-pages.js';
import { Deadline } from './deadline.js';

export interface PdfOptions {
  /** The browser, possibly still starting: the layout document is made meanwhile. */
  browser: BrowserHandle;
  /** How long the whole PDF edition may take, in milliseconds; `undefined`: from the size of the book (`defaultTimeout`). */
  timeout: number | undefined;
  /** Layout parts laid out at once (one per core is best). */
  jobs: number;
  /** The reproducible timestamp (see `sourceDate`); without one, no dates are written. */
  date: Date | undefined;
  /** Also render the title page as a cover image (for the e-book). */
  cover: boolean;
  /** The standards the PDF is made to (PDF/A, PDF/UA); none: none beyond Galley's own. */
  standards: readonly PdfStandard[];
  timer: StageTimer;
  /** Font CSS kept between builds (watch mode). */
  fontCache: Map<string, Promise<string>>;
  signal: AbortSignal | undefined;
  onProgress?: ((progress: LayoutProgress) => void) | undefined;
  /** The most text a layout part holds (default `PART_SIZE`; other values for tests only). */
  partSize?: number | undefined;
}

export interface PdfEdition {
  bytes: Uint8Array;
  pages: number;
  /** What the e-book of the same build takes from the print edition. */
  layout: PrintLayout;
}

/** Milliseconds without a page laid out (or another step done) after which a layout counts as stuck. */
export const STALL_TIMEOUT = 120_000;

/**
 * The time the PDF edition gets by default: two minutes, and a millisecond for
 * every character of text (several times what a slow machine needs: a valid book
 * never runs out of it; a stuck one is stopped by the stall limit first).
 */
export function defaultTimeout(book: Book): number {
  const characters = book.chapters.reduce((sum, chapter) => sum + chapter.file.value.length, 0);
  return 120_000 + characters;
}

/**
 * The print edition: lay the book out with Paged.js, in parts and in parallel,
 * print each part with Chromium, join and post-process them with pdf-lib.
 * Warnings land on the book's `book.yaml`.
 */
export async function pdfEdition(book: Book, options: PdfOptions): Promise<PdfEdition> {
  // PDF/A and PDF/UA forbid the .notdef glyph a missing character is drawn with: there, a missing glyph is an error.
  const undrawable = undrawableFinder(await systemFonts());
  const { standards } = options;
  reportMissingGlyphs(book, undrawable, standards);
  if (standards.includes('pdfua-1')) reportPdfUaGaps(book);
  const docs = await options.timer.measure('print-document', () =>
    printDocuments(book, { polyfillUrl: POLYFILL_URL, fontCache: options.fontCache, partSize: options.partSize, undrawable }),
  );
  const stop = new AbortController();
  const timeout = options.timeout ?? defaultTimeout(book);
  const deadline = new Deadline({
    total: timeout,
    stall: Math.min(timeout, STALL_TIMEOUT),
    label: 'Laying out and printing the book',
    signal: options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal,
  });
  const session = await deadline.run(options.browser.session(), 'Starting the browser');
  // A browser call can wait forever once the browser is gone: the build ends when it goes.
  const onGone = () => stop.abort(new Error('The browser disconnected'));
  session.browser.once('disconnected', onGone);
  try {
    if (!session.browser.connected) onGone();
    // The cover is rendered while the other parts are laid out.
    let cover: Promise<Uint8Array> | undefined;
    const printImages = new PrintImages(book.assets, book.config.images);
    const chapters = new Map(book.chapters.map((chapter) => [chapter.id, `“${chapter.title}” (${chapter.file.path})`]));
    const bodyStart = bodyStartId(book.chapters, book.config);
    const parts = {
      session,
      deadline,
      stop,
      jobs: options.jobs,
      root: book.root,
      title: drawableText(undrawable, book.config.title),
      chapterName: (id: string) => chapters.get(id) ?? id,
      bodyStart,
      smallerImages: (images: readonly PrintedImage[]) => printImages.smaller(images),
    };
    // Cross-references that name pages: a first layout finds the pages, the next
    // sets them; laid out again until no page moves (a number's width can move text).
    let pages = docs.pageReferences
      ? foliosOf(await options.timer.measure('find-pages', () => layOutParts(docs, { ...parts, onPrinted: () => undefined, countOnly: true })), bodyStart)
      : undefined;
    let laidOut: LaidOutBook;
    let joiner: BookJoiner;
    const words = bookWords(book.chapters.map((chapter) => chapter.tree));
    for (let pass = 1; ; pass++) {
      // The parts are joined as they are printed: Node joins while the browser lays out.
      const join = new BookJoiner(docs.parts.length, words);
      joiner = join;
      laidOut = await options.timer.measure('layout', () =>
        layOutParts(docs, {
          ...parts,
          pages,
          onPrinted: (index, part) => join.add(index, part),
          onProgress: options.onProgress,
          onTitleLaidOut: options.cover
            ? async (page) => {
                const started = performance.now();
                const capture = await deadline.run(captureTitlePage(page, sheetMarginOf(book.config.page) > 0), 'Rendering the cover');
                cover = deadline.run(capture.png, 'Rendering the cover').finally(() => options.timer.record('cover', performance.now() - started));
                cover.catch(() => undefined); // awaited below; a failure before that is the build's own
              }
            : undefined,
        }),
      );
      const found = foliosOf(laidOut, bodyStart);
      if (!pages || samePages(pages, found)) break;
      if (pass === 3) throw new BuildFailure('The page numbers of cross-references did not settle after three layouts of the book');
      pages = found;
    }
    options.timer.record('verify', laidOut.verifyMs);
    // The print edition must be the manuscript: a layout that lost text stops here.
    reportTextOnPages(book, laidOut.problems);
    reportLowResolution(book, laidOut.images);
    throwIfFatal(sourceFiles(book));
    const describeDestination = destinationDescriber(book, foliosOf(laidOut, bodyStart));
    const joined = await options.timer.measure('join', () => joiner.finish(laidOut.anchors, describeDestination));
    const firstBodyPage = bodyStart === undefined ? undefined : laidOut.anchors.get(bodyStart)?.page;
    const bytes = await options.timer.measure('post-process', () =>
      postProcess(joined, { config: book.config, date: options.date, bodyStart: firstBodyPage, describeDestination, standards }),
    );
    // (A standard refuses them in postProcess.)
    if (standards.length === 0) reportBoxesOnPages(book, notdefUses(joined), laidOut.pageStarts, undrawable);
    for (const url of laidOut.blocked) {
      warn(book.configFile, 'blocked-request', `Refused to load \`${url}\` while rendering: builds only read files inside the manuscript folder`);
    }
    const coverPng = await cover;
    const pageStarts =
      firstBodyPage === undefined ? laidOut.pageStarts : laidOut.pageStarts.map((start) => ({ ...start, label: folioOf(start.page, firstBodyPage) }));
    return { bytes, pages: joined.getPageCount(), layout: { pageStarts, coverPng } };
  } catch (cause) {
    await session.discardLayoutPage();
    if (cause instanceof BuildFailure || cause instanceof GalleyError) throw cause;
    if (options.signal?.aborted) throw new BuildFailure('The build was interrupted; the browser was closed and nothing was written', { cause });
    if (!session.browser.connected) throw new BuildFailure('The PDF edition failed: the browser crashed or was killed during the build', { cause });
    throw new BuildFailure(`The PDF edition failed: ${describeError(cause)}`, { cause });
  } finally {
    session.browser.off('disconnected', onGone);
  }
}

/** The folio of the page of every element with an id. */
function foliosOf(laidOut: LaidOutBook, bodyStart: string | undefined): Map<string, string> {
  const firstBodyPage = bodyStart === undefined ? undefined : laidOut.anchors.get(bodyStart)?.page;
  return new Map([...laidOut.anchors].map(([id, anchor]) => [id, folioOf(anchor.page, firstBodyPage)]));
}

const samePages = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
