import type { VFileMessage } from 'vfile-message';
import type { BookConfig } from '../config/schema.js';
import type { Page } from 'puppeteer-core';
import { BuildFailure, describeError, warning } from '../core/messages.js';
import type { StageTimer } from '../core/timings.js';
import type { RenderedChapter } from '../html/render-chapters.js';
import type { BrowserHandle } from './browser.js';
import type { PageStart } from '../epub/page-markers.js';
import { bounded, paginate, POLYFILL_URL } from './paginate.js';
import { postProcess } from './post-process.js';
import { printDocument } from './print-document.js';
import { printPdf } from './print-pdf.js';

export interface PdfStageOptions {
  config: BookConfig;
  chapters: readonly RenderedChapter[];
  /** Image `src` → data URI (see `dataUris`). */
  images: ReadonlyMap<string, string>;
  /** The manuscript folder: the only place the page may load files from. */
  root: string;
  /** Where messages about the book point (book.yaml). */
  configFile: string;
  /** The browser, possibly still starting: the print document is made meanwhile. */
  browser: BrowserHandle;
  timeout: number;
  date: Date | undefined;
  /** Also render the title page as a cover image. */
  cover: boolean;
  timer: StageTimer;
  /** Font CSS kept between builds. */
  fontCache?: Map<string, Promise<string>> | undefined;
  signal?: AbortSignal | undefined;
}

export interface PdfStageResult {
  bytes: Uint8Array;
  pages: number;
  messages: VFileMessage[];
  /** Where each page starts in the chapters (for the e-book's page list). */
  pageStarts: PageStart[];
  /** The title page as PNG, for the e-book's cover (with `cover: true`). */
  coverPng: Uint8Array | undefined;
}

/** The print edition: lay out with Paged.js, print with Chromium, post-process with pdf-lib. */
export async function buildPdf(options: PdfStageOptions): Promise<PdfStageResult> {
  const html = await options.timer.measure('print-document', () => printDocument(options.config, options.chapters, options.images, { polyfillUrl: POLYFILL_URL, fontCache: options.fontCache }));
  const session = await options.browser.session();
  try {
    return await layOut(await session.layoutPage(), html, options);
  } catch (cause) {
    await session.discardLayoutPage();
    if (cause instanceof BuildFailure) throw cause;
    if (options.signal?.aborted) throw new BuildFailure('The build was interrupted; the browser was closed and nothing was written', { cause });
    if (!session.browser.connected) throw new BuildFailure('The PDF edition failed: the browser crashed or was killed during the build', { cause });
    throw new BuildFailure(`The PDF edition failed: ${describeError(cause)}`, { cause });
  }
}

async function layOut(page: Page, html: string, options: PdfStageOptions): Promise<PdfStageResult> {
  const { timer } = options;
  const layout = await timer.measure('layout', () => paginate(page, { html, root: options.root, timeout: options.timeout, signal: options.signal }));
  const printed = await timer.measure('print', () => printPdf(page, options.timeout, options.signal));
  const bytes = await timer.measure('post-process', () => postProcess(printed, { config: options.config, date: options.date }));
  const coverPng = options.cover ? await timer.measure('cover', () => bounded(titlePagePng(page), options.timeout, 'Rendering the cover', options.signal)) : undefined;
  const messages = layout.blocked.map((url) =>
    warning({ file: options.configFile, reason: `Refused to load \`${url}\` while rendering: builds only read files inside the manuscript folder`, ruleId: 'blocked-request' }),
  );
  return { bytes, pages: layout.pages, messages, pageStarts: layout.pageStarts, coverPng };
}

/** The laid-out title page as a PNG at twice the CSS resolution. */
async function titlePagePng(page: Page): Promise<Uint8Array> {
  const first = await page.$('.pagedjs_page');
  if (!first) throw new Error('No page to render as the cover');
  const box = await first.boundingBox();
  await page.setViewport({ width: Math.ceil(box?.width ?? 800), height: Math.ceil(box?.height ?? 1100), deviceScaleFactor: 2 });
  return first.screenshot({ type: 'png', omitBackground: false });
}
