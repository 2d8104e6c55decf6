import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import type { PageStart } from '../epub/page-markers.js';

const require = createRequire(import.meta.url);

/** The virtual origin pages are served from. Nothing under it touches the network. */
export const ORIGIN = 'http://galley.localhost';
/** Where the print document loads Paged.js from (served by `paginate`). */
export const POLYFILL_URL = `${ORIGIN}/_galley/paged.polyfill.js`;
const POLYFILL_PATH = new URL(POLYFILL_URL).pathname;

/** The Paged.js polyfill shipped in the `pagedjs` package (minified: quicker to parse). */
export const polyfillFile = (): string => path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.min.js');

export interface PaginateOptions {
  /** The print document. */
  html: string;
  /** Files under this folder may be loaded (images of the manuscript). */
  root: string;
  /** Give up after this many milliseconds. */
  timeout: number;
  signal?: AbortSignal | undefined;
}

export interface Pagination {
  /** Number of pages laid out. */
  pages: number;
  /** Where each page that starts inside a chapter starts (see `assignGids`). */
  pageStarts: PageStart[];
  /** URLs the page tried to load that were refused (outside the project, network). */
  blocked: string[];
  /** Page ends that break the rules: a split paragraph with one line on a side, a heading last on a page. */
  breakFaults: number;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Serve the page's requests from memory and disk; refuse everything else. */
function router(options: PaginateOptions, blocked: string[]) {
  const root = path.resolve(options.root);
  return async (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('data:')) return request.continue();
    let file: string | undefined;
    let body: string | Buffer | undefined;
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed && parsed.origin === ORIGIN) {
      const pathname = decodeURIComponent(parsed.pathname);
      if (pathname === '/index.html') body = options.html;
      else if (pathname === POLYFILL_PATH) file = polyfillFile();
      else {
        const candidate = path.resolve(root, `.${pathname}`);
        if (candidate.startsWith(root + path.sep)) file = candidate;
      }
    }
    if (file !== undefined) body = await readFile(file).catch(() => undefined);
    if (body === undefined) {
      blocked.push(url);
      return request.abort('blockedbyclient');
    }
    const ext = path.extname(parsed?.pathname ?? '').toLowerCase();
    return request.respond({ status: 200, contentType: contentTypes[ext] ?? 'application/octet-stream', body });
  };
}

/** Race a promise against a timeout and an abort signal; clears its timer. */
export async function bounded<T>(work: Promise<T>, timeout: number, what: string, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(timeout / 1000)} s (raise it with --timeout)`)), timeout);
    onAbort = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, limits]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Load the print document and let Paged.js lay it out into pages, waiting for its
 * own completion (the promise of `preview()`), never for a fixed delay.
 */
interface PageState {
  /** The layout under way: its request handler (built once per layout) and its page errors. */
  current: { route: (request: HTTPRequest) => Promise<void>; errors: string[] } | undefined;
}

const prepared = new WeakMap<Page, Promise<PageState>>();

/** Set a page up once for layouts: request routing, error capture, Paged.js config. */
function prepare(page: Page): Promise<PageState> {
  let state = prepared.get(page);
  if (!state) {
    state = (async () => {
      const s: PageState = { current: undefined };
      page.on('pageerror', (error) => s.current?.errors.push(error instanceof Error ? error.message : String(error)));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (s.current) void s.current.route(request);
        else void request.abort('blockedbyclient');
      });
      // A page break inside a word gets the body font's own hyphen, not U+2011.
      await page.evaluateOnNewDocument("window.PagedConfig = { auto: false, settings: { hyphenGlyph: '-' } };");
      return s;
    })();
    prepared.set(page, state);
  }
  return state;
}

export async function paginate(page: Page, options: PaginateOptions): Promise<Pagination> {
  const state = await prepare(page);
  const blocked: string[] = [];
  const errors: string[] = [];
  state.current = { route: router(options, blocked), errors };
  // The same viewport for every layout, whatever the page was used for before.
  await page.setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
  const work = (async () => {
    await page.goto(`${ORIGIN}/index.html`, { waitUntil: 'load', timeout: 0 });
    return page.evaluate(async () => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((face) => faces.push(face));
      // One at a time, in the order of the style sheet: the PDF's font resources are
      // then numbered the same way in every build, whatever the load on the machine.
      for (const face of faces) await face.load().catch(() => undefined);
      const polyfill = (window as unknown as { PagedPolyfill: { preview(): Promise<{ total: number }> } }).PagedPolyfill;
      // Finished pages leave the layout tree while later pages are made: every new
      // page would otherwise restyle and reflow all earlier ones, and the time per
      // page would grow with the length of the book. They come back before printing.
      const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
      const hidden: HTMLElement[] = [];
      if (paged) {
        class KeepFinishedPagesOut extends paged.Handler {
          afterPageLayout(pageElement: HTMLElement) {
            const done = pageElement.previousElementSibling?.previousElementSibling;
            if (done instanceof HTMLElement && done.classList.contains('pagedjs_page')) {
              done.style.display = 'none';
              hidden.push(done);
            }
          }
        }
        paged.registerHandlers(KeepFinishedPagesOut);
      }
      let flow: { total: number };
      let faults = 0;
      try {
        flow = await polyfill.preview();
        for (const page of hidden) page.style.removeProperty('display');
        // Paged.js lays each page out in a multi-column box, so Chromium's own
        // fragmentation applies widows, orphans and break-after: avoid from the
        // style sheet. Count what those rules forbid, so tests can see them kept.
        faults = 0;
        const lineCount = (el: Element) => {
          const tops: number[] = [];
          const r = document.createRange();
          r.selectNodeContents(el);
          for (const rect of Array.from(r.getClientRects())) {
            if (rect.width < 0.5 || rect.height < 0.5) continue;
            if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
          }
          return tops.length;
        };
        // A split paragraph: its continuation carries data-split-from, its head is the
        // element with the same data-ref on the page before.
        document.querySelectorAll<HTMLElement>('.pagedjs_page_content p[data-split-from]').forEach((tail) => {
          const sheet = tail.closest('.pagedjs_page');
          const heads = sheet?.previousElementSibling?.querySelectorAll(`p[data-ref="${tail.dataset.splitFrom}"]`);
          const head = heads?.[heads.length - 1];
          if (lineCount(tail) < 2 || (head && lineCount(head) < 2)) faults++;
        });
        document.querySelectorAll('.pagedjs_page_content').forEach((content) => {
          const blocks = content.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, table, aside, figure, blockquote, pre');
          const last = blocks[blocks.length - 1];
          if (last && /^H[1-6]$/.test(last.tagName) && !last.closest('.toc')) faults++;
        });
      } catch (thrown) {
        // Paged.js rejects with bare events when it cannot fetch a style sheet.
        if (thrown instanceof Error) throw new Error(`Paged.js failed: ${thrown.message}`);
        const type = (thrown as { type?: unknown } | null)?.type;
        throw new Error(typeof type === 'string' ? `Paged.js failed: a resource did not load (${type} event)` : `Paged.js failed: ${String(thrown)}`);
      }
      // Paged.js does not always flag the pages it inserts for `break-before: right`
      // as blank: a page with no content is blank, and carries no heads or folios.
      for (const sheet of document.querySelectorAll('.pagedjs_page')) {
        const content = sheet.querySelector('.pagedjs_page_content');
        if (content && content.textContent?.trim() === '' && !content.querySelector('img, svg, table')) sheet.classList.add('pagedjs_blank_page');
      }
      // Soft hyphens let lines break inside words; the ones where no line broke would
      // stay in the PDF's text and spoil search and copying. Line breaking is greedy,
      // so removing unused break opportunities changes no line.
      const range = document.createRange();
      const rect = (node: Text, at: number) => {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rects = range.getClientRects();
        return rects[rects.length - 1] ?? range.getBoundingClientRect();
      };
      const walker = document.createTreeWalker(document.querySelector('.pagedjs_pages') ?? document.body, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('\u00ad')) texts.push(walker.currentNode as Text);
      for (const node of texts) {
        const data = node.data;
        let kept = '';
        for (let i = 0; i < data.length; i++) {
          const ch = data[i]!;
          if (ch !== '\u00ad') kept += ch;
          else if (i > 0 && i < data.length - 1 && rect(node, i + 1).top > rect(node, i - 1).bottom - 1) kept += ch;
        }
        if (kept !== data) node.data = kept;
      }
      // Where each page starts, as (block, characters of its text before the page),
      // soft hyphens not counted: the e-book marks the print pages there.
      const length = (text: string) => text.replace(/\u00ad/g, '').length;
      const seen = new Map<string, number>();
      const starts: Array<{ page: number; gid: string; offset: number }> = [];
      document.querySelectorAll('.pagedjs_page').forEach((sheet, index) => {
        const content = sheet.querySelector('.pagedjs_page_content');
        if (!content) return;
        const texts = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        let first: Text | undefined;
        while (texts.nextNode()) {
          if ((texts.currentNode as Text).data.trim() !== '') {
            first = texts.currentNode as Text;
            break;
          }
        }
        const block = first?.parentElement?.closest<HTMLElement>('[data-gid]');
        if (first && block?.dataset.gid !== undefined) {
          range.setStart(block, 0);
          range.setEnd(first, 0);
          starts.push({ page: index + 1, gid: block.dataset.gid, offset: (seen.get(block.dataset.gid) ?? 0) + length(range.toString()) });
        }
        content.querySelectorAll<HTMLElement>('[data-gid]').forEach((el) => {
          const gid = el.dataset.gid!;
          seen.set(gid, (seen.get(gid) ?? 0) + length(el.textContent ?? ''));
        });
      });
      return { total: flow.total, starts, faults };
    });
  })();
  try {
    const result = await bounded(work, options.timeout, 'Page layout (Paged.js)', options.signal);
    return { pages: result.total, pageStarts: result.starts, breakFaults: result.faults, blocked: [...new Set(blocked)] };
  } catch (cause) {
    const detail = errors.length > 0 ? ` (page errors: ${errors.join('; ')})` : '';
    throw new Error(`${cause instanceof Error ? cause.message : String(cause)}${detail}`, { cause });
  }
}
