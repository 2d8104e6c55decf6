import type { Page } from 'puppeteer-core';
import type { PageStart } from '../../model/print-layout.js';
import type { BrowserSession } from './browser.js';
import { finishPart, type PartFinish } from './in-page/finish-part.js';
import { markSplitPieces } from './in-page/mark-split-pieces.js';
import type { PrintedImage } from './in-page/image-resolution.js';
import { usePrintImages } from './in-page/use-print-images.js';
import type { LayoutProblem } from './in-page/verify-text.js';
import type { Anchor, PrintedPart } from './join-parts.js';
import type { PrintDocuments } from './layout-document.js';
import { paginate, verifyPages } from './paginate.js';
import { LayoutTabs } from './layout-tabs.js';
import { printPdf } from './print-pdf.js';
import { Slots } from './slots.js';
import { folioOf } from '../shared/folios.js';
import { sizeOf } from './split-book.js';
import type { Deadline } from './deadline.js';

export interface LayoutProgress {
  /** Pages laid out so far (a part laid out again counts once). */
  pages: number;
  /** Parts printed, of all. */
  partsDone: number;
  parts: number;
  /** Pages the book will have, estimated from the parts counted so far. */
  expectedPages: number | undefined;
}

export interface PartsOptions {
  session: BrowserSession;
  deadline: Deadline;
  /** Parts laid out at once. */
  jobs: number;
  /** Files under this folder may be loaded (images of the manuscript). */
  root: string;
  /** The book's title: the running head of left-hand pages, set on the title page, which only the first part holds. */
  title: string;
  /** How a chapter id reads in messages (“Title” (file)). */
  chapterName: (id: string) => string;
  /** Called with each part's PDF as soon as it is printed (the first part, the title page and contents, last). */
  onPrinted: (index: number, part: PrintedPart) => void;
  /**
   * Called with the first part's page as soon as it is laid out, while the other
   * parts are (its title page is final then: the cover is taken from it, in the
   * browser, while the first part's tab waits for the others' page numbers).
   */
  onTitleLaidOut?: ((page: Page) => Promise<void>) | undefined;
  onProgress?: ((progress: LayoutProgress) => void) | undefined;
  /** Aborted at the first failure: the other parts stop too (the deadline's signal must follow it). */
  stop: AbortController;
  /** The folio of each id, for the cross-references' page numbers (from a first layout). */
  pages?: ReadonlyMap<string, string> | undefined;
  /** In a book with front matter, the id on the page where the body starts, its folios again from 1 (`bodyStartId`). */
  bodyStart?: string | undefined;
  /** Smaller pictures (data URLs by asset href) for the images a part prints at more than the print resolution. */
  smallerImages?: ((images: readonly PrintedImage[]) => Promise<Record<string, string>>) | undefined;
  /** Only lay the parts out and count them, to find where everything is: no part is finished, checked or printed. */
  countOnly?: boolean | undefined;
}

export interface LaidOutBook {
  anchors: Map<string, Anchor>;
  pages: number;
  pageStarts: PageStart[];
  blocked: string[];
  /** What the layout verifier found, on book pages. */
  problems: LayoutProblem[];
  /** The resolution each raster image is printed at. */
  images: PrintedImage[];
  verifyMs: number;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Lay the book's parts out at once, `jobs` at a time (the first part in the warm
 * layout page, the others in `LayoutTabs`), and print each as soon as the
 * pages before it are counted: folios continue from them, a chapter starts on a
 * right-hand page (a blank page goes before it when the parts before end on one),
 * a part that goes on with a chapter is laid out again if it starts on a left-hand
 * page. The first part, the title page and contents, is printed last, with the
 * contents' page numbers. Each part's PDF goes to `onPrinted` as soon as it is
 * printed. The layout verifier checks every part. The first failure
 * stops the other parts (through `stop`) and is the one thrown.
 */
export async function layOutParts(docs: PrintDocuments, options: PartsOptions): Promise<LaidOutBook> {
  const { parts } = docs;
  const { deadline } = options;
  const counts = parts.map(() => deferred<number>());
  /** Each part's pages counted and its anchors placed (or the part failed): what the first part's contents wait for. */
  const placed = parts.map(() => deferred<void>());
  const offsets: Array<number | undefined> = parts.map((_part, index) => (index === 0 ? 0 : undefined));
  const laidOut = parts.map(() => 0);
  let partsDone = 0;
  const book: LaidOutBook = { anchors: new Map(), pages: 0, pageStarts: [], blocked: [], problems: [], images: [], verifyMs: 0 };
  const slots = new Slots(Math.max(1, options.jobs));
  const tabs = new LayoutTabs(options.session.browser, deadline, parts.length - 1);
  const sizes = parts.map((part) => part.chapters.reduce((sum, chapter) => sum + sizeOf(chapter.tree), 0));
  const counted: Array<number | undefined> = parts.map(() => undefined);
  const expected = () => {
    let pages = 0;
    let size = 0;
    counted.forEach((n, i) => {
      if (n === undefined || i === 0) return;
      pages += n;
      size += sizes[i]!;
    });
    if (size === 0) return undefined;
    return Math.round(counted.reduce<number>((sum, n, i) => sum + (n ?? (sizes[i]! * pages) / size), 0));
  };
  const report = () => options.onProgress?.({ pages: laidOut.reduce((a, b) => a + b, 0), partsDone, parts: parts.length, expectedPages: expected() });
  // Where the body starts after front matter, pages are counted again from 1: on the first page of the
  // first part that holds body chapters (split-book starts a part there; in a book of one part, finish-part does it).
  const bodyPart = options.bodyStart === undefined ? -1 : parts.findIndex((part) => part.chapters.some((chapter) => chapter.place.matter === 'body'));
  const blankBefore = (index: number, offset: number) => (index > 0 && !parts[index]!.continues && offset % 2 === 1 ? 1 : 0);

  /**
   * Where part `index` starts, once the parts before it are counted: the pages
   * before it, its own blank page included, and whether it has one.
   */
  const placeOf = async (index: number): Promise<{ offset: number; blank: boolean }> => {
    let offset = 0;
    for (let j = 0; j < index; j++) {
      const pages = await deadline.run(counts[j]!.promise, 'Page layout (Paged.js)');
      offset += blankBefore(j, offset) + pages;
    }
    const blank = blankBefore(index, offset);
    return { offset: offset + blank, blank: blank === 1 };
  };

  const runPart = async (index: number): Promise<void> => {
    const part = parts[index]!;
    await deadline.run(slots.acquire(index), 'Waiting for a layout tab');
    let pooled: Page | undefined;
    try {
      if (index > 0) pooled = await tabs.take();
      const page = pooled ?? (await deadline.run(options.session.layoutPage(), 'Opening the layout tab'));
      const where = (at: number, chapter: string | null) => {
        const name = chapter === null ? 'the title page and contents' : options.chapterName(chapter);
        const offset = offsets[index];
        return offset === undefined ? `${name}, page ${at} of its layout part (the parts before it were not counted yet)` : `${name}, page ${offset + at}`;
      };
      const onPage = (at: number, chapter: string | null) => {
        laidOut[index] = Math.max(laidOut[index]!, at);
        deadline.progress(() => where(at, chapter));
        report();
      };
      const html = docs.html(index, options.pages);
      const layOut = (startLeft: boolean) => paginate(page, { html, root: options.root, timeout: 0, deadline, startLeft, onPage });
      let layout = await layOut(false);
      counts[index]!.resolve(layout.pages);
      counted[index] = layout.pages;
      const { offset, blank } = await placeOf(index);
      offsets[index] = offset;
      // A part starts on a right-hand page, unless it goes on with a chapter and its first page falls on the left.
      if (part.continues && offset % 2 === 1 && !options.countOnly) layout = await layOut(true);
      // (Left- and right-hand pages are as wide: the pages after it were placed by the first count.)
      if (layout.pages !== counted[index])
        throw new Error(`Layout part ${index + 1} has ${layout.pages} pages from a left-hand page, ${counted[index]} from a right-hand one`);
      for (const start of layout.pageStarts) book.pageStarts.push({ ...start, page: start.page + offset });
      for (const [id, at, x, y] of layout.anchors) if (!book.anchors.has(id)) book.anchors.set(id, { page: at + offset, x, y });
      book.blocked.push(...layout.blocked);
      book.images.push(...layout.images);
      placed[index]!.resolve();
      if (options.countOnly) {
        book.pages = Math.max(book.pages, offset + layout.pages);
        return;
      }
      let finish: PartFinish = {
        offset: bodyPart >= 0 && index > bodyPart ? offset - (await placeOf(bodyPart)).offset : offset,
        total: undefined,
        strings: { 'book-title': options.title, ...(part.runningHead === undefined ? {} : { section: part.runningHead }) },
        pageOf: {},
      };
      if (index === 0) {
        // The contents need every page number: the other parts go on without this one's slot,
        // and it is finished as soon as they are laid out (while the last ones are printed).
        slots.release(index);
        await options.onTitleLaidOut?.(page);
        await deadline.run(Promise.all(placed.slice(1).map((part) => part.promise)), 'Page layout (Paged.js)');
        const last = parts.length - 1;
        const total = (await placeOf(last)).offset + (await counts[last]!.promise);
        const bodyStart = options.bodyStart === undefined ? undefined : book.anchors.get(options.bodyStart)?.page;
        finish = { offset: 0, total, strings: {}, pageOf: Object.fromEntries([...book.anchors].map(([id, at]) => [id, folioOf(at.page, bodyStart)])) };
      }
      await deadline.run(page.evaluate(finishPart, finish), 'Finishing the pages');
      await deadline.run(page.evaluate(markSplitPieces), 'Finishing the pages');
      const check = await verifyPages(page, { timeout: 0, deadline });
      book.verifyMs += check.ms;
      for (const problem of check.problems) book.problems.push({ ...problem, page: problem.page === null ? null : problem.page + offset });
      book.pages = Math.max(book.pages, offset + layout.pages);
      const pictures = options.smallerImages ? await deadline.run(options.smallerImages(layout.images), 'Making images smaller for print') : {};
      if (Object.keys(pictures).length > 0) await deadline.run(page.evaluate(usePrintImages, pictures), 'Making images smaller for print');
      const printed = await printPdf(page, deadline);
      options.onPrinted(index, { bytes: printed, blankBefore: blank, continues: part.continues });
      partsDone++;
      report();
    } finally {
      placed[index]!.resolve();
      slots.release(index);
      if (pooled) tabs.give(pooled);
    }
  };

  let failure: { reason: unknown } | undefined;
  const run = (index: number) =>
    runPart(index).catch((reason: unknown) => {
      failure ??= { reason };
      options.stop.abort(reason);
      throw reason;
    });
  // The first part first: every other part waits for its page count.
  const first = run(0);
  const others = parts.slice(1).map((_part, i) => run(i + 1));
  await Promise.allSettled([first, ...others]);
  await tabs.close();
  if (failure) throw failure.reason;
  book.pageStarts.sort((a, b) => a.page - b.page);
  book.problems.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || Number(a.block ?? -1) - Number(b.block ?? -1));
  book.blocked = [...new Set(book.blocked)].sort();
  return book;
}
