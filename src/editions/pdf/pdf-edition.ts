import type { Page } from 'puppeteer-core';
import { type Book, sourceFiles } from '../../model/book.js';
import type { PrintLayout } from '../../model/print-layout.js';
import { BuildFailure, describeError, GalleyError, throwIfFatal, warn } from '../../shared/messages.js';
import type { StageTimer } from '../../shared/timings.js';
import type { BrowserHandle } from './browser.js';
import { layoutDocument } from './layout-document.js';
import { reportMissingGlyphs } from './missing-glyphs.js';
import { paginate, verifyPages } from './paginate.js';
import { postProcess } from './post-process.js';
import { printPdf } from './print-pdf.js';
import { POLYFILL_URL } from './request-router.js';
import { systemFonts } from './system-fonts.js';
import { reportTextOnPages } from './text-on-pages.js';
import { withTimeout } from './with-timeout.js';

export interface PdfOptions {
  /** The browser, possibly still starting: the layout document is made meanwhile. */
  browser: BrowserHandle;
  /** How long layout and printing may take, in milliseconds. */
  timeout: number;
  /** The reproducible timestamp (see `sourceDate`); without one, no dates are written. */
  date: Date | undefined;
  /** Also render the title page as a cover image (for the e-book). */
  cover: boolean;
  timer: StageTimer;
  /** Font CSS kept between builds (watch mode). */
  fontCache: Map<string, Promise<string>>;
  signal: AbortSignal | undefined;
}

export interface PdfEdition {
  bytes: Uint8Array;
  pages: number;
  /** What the e-book of the same build takes from the print edition. */
  layout: PrintLayout;
}

/**
 * The print edition: lay the book out with Paged.js, print it with Chromium,
 * post-process it with pdf-lib. Warnings land on the book's `book.yaml`.
 */
export async function pdfEdition(book: Book, options: PdfOptions): Promise<PdfEdition> {
  reportMissingGlyphs(book, (await systemFonts()).coverage);
  const html = await options.timer.measure('print-document', () => layoutDocument(book, { polyfillUrl: POLYFILL_URL, fontCache: options.fontCache }));
  const session = await options.browser.session();
  // A browser call can wait forever once the browser is gone: the build ends when it goes.
  let onGone = () => {};
  const gone = new Promise<never>((_, reject) => {
    onGone = () => reject(new Error('The browser disconnected'));
    session.browser.once('disconnected', onGone);
  });
  try {
    if (!session.browser.connected) onGone();
    const work = session.layoutPage().then((page) => layOut(page, html, book, options));
    work.catch(() => undefined); // when the browser went first, its failure is not news
    return await Promise.race([work, gone]);
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

async function layOut(page: Page, html: string, book: Book, options: PdfOptions): Promise<PdfEdition> {
  const { timer } = options;
  const layout = await timer.measure('layout', () => paginate(page, { html, root: book.root, timeout: options.timeout, signal: options.signal }));
  // The print edition must be the manuscript: a layout that lost text stops here.
  const check = await verifyPages(page, options);
  timer.record('verify', check.ms);
  reportTextOnPages(book, check.problems);
  throwIfFatal(sourceFiles(book));
  const printed = await timer.measure('print', () => printPdf(page, options.timeout, options.signal));
  const bytes = await timer.measure('post-process', () => postProcess(printed, { config: book.config, date: options.date }));
  const coverPng = options.cover
    ? await timer.measure('cover', () => withTimeout(titlePagePng(page), options.timeout, 'Rendering the cover', options.signal))
    : undefined;
  for (const url of layout.blocked) {
    warn(book.configFile, 'blocked-request', `Refused to load \`${url}\` while rendering: builds only read files inside the manuscript folder`);
  }
  return { bytes, pages: layout.pages, layout: { pageStarts: layout.pageStarts, coverPng } };
}

/** The laid-out title page as a PNG at twice the CSS resolution. */
async function titlePagePng(page: Page): Promise<Uint8Array> {
  const first = await page.$('.pagedjs_page');
  if (!first) throw new Error('No page to render as the cover');
  const box = await first.boundingBox();
  await page.setViewport({ width: Math.ceil(box?.width ?? 800), height: Math.ceil(box?.height ?? 1100), deviceScaleFactor: 2 });
  return first.screenshot({ type: 'png', omitBackground: false });
}
