import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import type { PageStart } from '../../model/print-layout.js';
import { installPageFinishing } from './in-page/finish-pages.js';
import { freezeTableColumns } from './in-page/freeze-table-columns.js';
import { installPageEnds } from './in-page/page-ends.js';
import { installPageFloats } from './in-page/page-floats.js';
import { installPageFurniture } from './in-page/page-furniture.js';
import { installFinishedPagesOut } from './in-page/finished-pages-out.js';
import { installHyphensAtBreaks } from './in-page/hyphens-at-breaks.js';
import { installLayoutFixes } from './in-page/layout-fixes.js';
import { type PrintedImage, imageResolutions } from './in-page/image-resolution.js';
import { layOutPages } from './in-page/lay-out-pages.js';
import { installNoFirstLetterBoxes } from './in-page/no-first-letter-boxes.js';
import { installBreakTokens } from './in-page/break-tokens.js';
import { installSpacesBetween } from './in-page/spaces-between.js';
import { installTableHeadRepeats } from './in-page/repeat-table-heads.js';
import { snapshotText } from './in-page/snapshot-text.js';
import { type LayoutCheck, verifyText } from './in-page/verify-text.js';
import { DOCUMENT_URL, requestRouter } from './request-router.js';
import { type Route, serveRequests } from './serve-requests.js';
import { Deadline } from './deadline.js';

export interface PaginateOptions {
  /** The layout document. */
  html: string;
  /** Files under this folder may be loaded (images of the manuscript). */
  root: string;
  /** Give up after this many milliseconds (when no deadline is given). */
  timeout: number;
  signal?: AbortSignal | undefined;
  /** The time limit shared with the rest of the stage (instead of `timeout` and `signal`). */
  deadline?: Deadline | undefined;
  /** Called as each page is laid out, with its number in the document and its chapter's id. */
  onPage?: ((page: number, chapter: string | null) => void) | undefined;
  /** Lay out from a left-hand page (a part that goes on with a chapter begun before it). */
  startLeft?: boolean | undefined;
  /** Galley's fixes of Paged.js's page breaking and of tables split across pages; all on unless turned off here (only to show what they fix). */
  fixes?: { breaks: boolean; tableColumns: boolean } | undefined;
}

export interface Pagination {
  /** Number of pages laid out. */
  pages: number;
  /** Where each page that starts inside a numbered block starts. */
  pageStarts: PageStart[];
  /** URLs the page tried to load that were refused (outside the project, network). */
  blocked: string[];
  /** Where each element with an id is: page (from 1), and top left corner on the page in CSS pixels. */
  anchors: Array<[id: string, page: number, x: number, y: number]>;
  /** The resolution each raster image is printed at. */
  images: PrintedImage[];
}

interface PageState {
  /** The layout under way: its request handler (built once per layout) and its page errors. */
  current: { route: Route; errors: string[]; onPage?: PaginateOptions['onPage'] } | undefined;
}

const prepared = new WeakMap<Page, Promise<PageState>>();

/** Set a page up once for layouts: request routing, error capture, Paged.js config. */
function prepare(page: Page): Promise<PageState> {
  let state = prepared.get(page);
  if (!state) {
    state = (async () => {
      const s: PageState = { current: undefined };
      page.on('pageerror', (error) => s.current?.errors.push(error instanceof Error ? error.message : String(error)));
      // Requests are answered by the layout under way; between layouts, refused.
      const served = await serveRequests(page);
      served.route = (url) => (s.current ? s.current.route(url) : Promise.resolve({ action: 'refuse' }));
      served.onError = (error) => s.current?.errors.push(error instanceof Error ? error.message : String(error));
      await page.exposeFunction('__galleyProgress', (at: number, chapter: string | null) => s.current?.onPage?.(at, chapter));
      // A page break inside a word gets the body font's own hyphen, not U+2011.
      await page.evaluateOnNewDocument("window.PagedConfig = { auto: false, settings: { hyphenGlyph: '-' } };");
      return s;
    })();
    prepared.set(page, state);
  }
  return state;
}

/**
 * The layout verifier: where the laid-out pages do not hold the manuscript's text
 * (lost, changed, duplicated, reordered, not drawn, or off the page), and how long
 * all its checks took (those made as each page was finished included). Call after
 * `paginate`, on the same page.
 */
export async function verifyPages(page: Page, options: Pick<PaginateOptions, 'timeout' | 'signal' | 'deadline'>): Promise<LayoutCheck> {
  return deadlineOf(options).run(page.evaluate(verifyText), 'Checking the laid-out text');
}

const deadlineOf = (options: Pick<PaginateOptions, 'timeout' | 'signal' | 'deadline'>) =>
  options.deadline ?? new Deadline({ total: options.timeout, signal: options.signal });

/**
 * Load the layout document and let Paged.js lay it out into pages, waiting for
 * its own completion (the promise of `preview()`), never for a fixed delay, and
 * never longer than the timeout.
 */
export async function paginate(page: Page, options: PaginateOptions): Promise<Pagination> {
  const state = await prepare(page);
  const blocked: string[] = [];
  const errors: string[] = [];
  state.current = { route: requestRouter(options, blocked), errors, onPage: options.onPage };
  // The same viewport for every layout, whatever the page was used for before.
  await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
  const work = (async () => {
    await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout: 0 });
    if (options.fixes?.breaks !== false) {
      await page.evaluate(installFinishedPagesOut);
      await page.evaluate(installLayoutFixes);
      await page.evaluate(installPageEnds);
      await page.evaluate(installPageFloats);
      await page.evaluate(installHyphensAtBreaks);
      await page.evaluate(installNoFirstLetterBoxes);
      await page.evaluate(installBreakTokens);
      await page.evaluate(installSpacesBetween);
    }
    await page.evaluate(installTableHeadRepeats);
    await page.evaluate(installPageFinishing);
    await page.evaluate(installPageFurniture);
    if (options.fixes?.tableColumns !== false) await page.evaluate(freezeTableColumns);
    // (Which waits for the fonts: without it, so must the layout.)
    else await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.evaluate(snapshotText);
    await page.evaluate(
      (left, prefix) => {
        Object.assign(window, { __galleyStartLeft: left, __galleyIdPrefix: prefix });
      },
      options.startLeft === true,
      `g${createHash('sha256').update(options.html).digest('hex').slice(0, 8)}`,
    );
    const laidOut = await page.evaluate(layOutPages);
    return { ...laidOut, images: await page.evaluate(imageResolutions) };
  })();
  try {
    const result = await deadlineOf(options).run(work, 'Page layout (Paged.js)');
    return { pages: result.total, pageStarts: result.starts, blocked: [...new Set(blocked)], anchors: result.anchors, images: result.images };
  } catch (cause) {
    const detail = errors.length > 0 ? ` (page errors: ${errors.join('; ')})` : '';
    throw new Error(`${cause instanceof Error ? cause.message : String(cause)}${detail}`, { cause });
  }
}
