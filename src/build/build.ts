import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { htmlEdition } from '../editions/html/html-edition.js';
import type { BrowserHandle } from '../editions/pdf/browser.js';
import type { Book } from '../model/book.js';
import { sourceFiles } from '../model/book.js';
import type { PrintLayout } from '../model/print-layout.js';
import { messagesOf, throwIfAnyMessage, throwIfFatal } from '../shared/messages.js';
import { slugify } from '../shared/slug.js';
import { sourceDate } from '../shared/source-date.js';
import { StageTimer, type Timings } from '../shared/timings.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { resolveImages } from '../stages/assets/resolve-images.js';
import { loadManuscript } from '../stages/load/load-manuscript.js';
import { renderChapters } from '../stages/render/render-chapters.js';
import { type BuildOptions, type BuildOptionsInput, type Format, fileEndings, parseBuildOptions } from './build-options.js';

export interface BuildOutput {
  format: Format;
  /** The written file. */
  path: string;
  /** Number of pages (PDF only). */
  pages?: number;
}

export interface BuildResult {
  outputs: BuildOutput[];
  /** Warnings (errors are thrown as a `GalleyError`). */
  messages: VFileMessage[];
  /** How long each stage took. */
  timings: Timings;
}

/**
 * Build the editions of a manuscript: load → render → assets make the `Book`,
 * then every requested edition is made from it in memory, then written, each
 * atomically. Nothing is written unless every edition was made.
 */
export async function build(input: BuildOptionsInput): Promise<BuildResult> {
  const builder = await createBuilder(input);
  try {
    return await builder.build();
  } finally {
    await builder.close();
  }
}

/** A builder that keeps its browser and caches between builds (watch mode). */
export interface Builder {
  /** Build the editions (all of the options' formats, or only `formats`). */
  build(formats?: readonly Format[]): Promise<BuildResult>;
  /** Close the browser; safe to call twice. */
  close(): Promise<void>;
}

/** What a builder keeps between builds. */
interface BuildCache {
  /** Font CSS by the set of code points it covers. */
  fonts: Map<string, Promise<string>>;
  /** The last print layout, for an EPUB rebuilt alone. */
  print?: PrintLayout;
}

/**
 * Make a builder. With the PDF among the formats, its browser starts right away, so
 * it boots while the manuscript is read; the PDF and EPUB editions (Puppeteer,
 * pdf-lib, …) are loaded only when asked for.
 */
export async function createBuilder(input: BuildOptionsInput): Promise<Builder> {
  const options = parseBuildOptions(input);
  const { signal } = options;
  signal?.throwIfAborted();
  // The first build's timer also measures the browser's start.
  const onStage = options.onProgress ? (stage: string) => options.onProgress?.({ stage }) : undefined;
  let first: StageTimer | undefined = new StageTimer(onStage);
  const timer = first;
  const browser = printed(options.formats)
    ? (await import('../editions/pdf/browser.js')).startBrowser({ executablePath: options.executablePath, signal, timer, protocolTimeout: options.timeout })
    : undefined;
  const cache: BuildCache = { fonts: new Map() };
  let closed = false;
  return {
    async build(formats) {
      if (closed) throw new Error('This builder is closed');
      const only = formats ? options.formats.filter((f) => formats.includes(f)) : options.formats;
      const buildTimer = first ?? new StageTimer(onStage);
      first = undefined;
      return buildWith({ ...options, formats: only }, buildTimer, browser, cache);
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser?.close();
    },
  };
}

/** How long Ghostscript may take to make the press-ready PDF when no `timeout` is given. */
const PDFX_TIMEOUT = 600_000;

/** Whether the formats need the book laid out in the browser. */
function printed(formats: readonly Format[]): boolean {
  return formats.includes('pdf') || formats.includes('pdfx');
}

/** The stages: load → render → assets, giving the `Book` every edition is made from. */
export async function makeBook(root: string, timer = new StageTimer()): Promise<Book> {
  const manuscript = await timer.measure('load', () => loadManuscript(root));
  const rendered = await timer.measure('markdown', () => renderChapters(manuscript));
  const { chapters, assets } = await timer.measure('images', () => resolveImages(manuscript.root, rendered));
  const book: Book = { ...manuscript, chapters, assets };
  throwIfFatal(sourceFiles(book));
  return book;
}

async function buildWith(options: BuildOptions, timer: StageTimer, browser: BrowserHandle | undefined, cache: BuildCache): Promise<BuildResult> {
  const { signal } = options;
  const book = await makeBook(options.root, timer);
  if (options.strict) throwIfAnyMessage(sourceFiles(book));
  const date = sourceDate(book.config.date);
  const artifacts: Array<{ format: Format; data: string | Uint8Array; pages?: number }> = [];

  if (options.formats.includes('html')) artifacts.push({ format: 'html', data: await timer.measure('html', () => htmlEdition(book)) });
  const wantEpub = options.formats.includes('epub');
  const epubModule = wantEpub ? import('../editions/epub/epub-edition.js') : undefined;
  if (browser && printed(options.formats)) {
    // Ghostscript is looked for first: a machine without it fails before the layout, not after.
    const pdfx = options.formats.includes('pdfx') ? await import('../editions/pdfx/pdfx-edition.js') : undefined;
    const ghostscript = await pdfx?.findGhostscript(process.env, signal);
    const { pdfEdition } = await import('../editions/pdf/pdf-edition.js');
    const onProgress = options.onProgress;
    const pdf = await pdfEdition(book, {
      browser,
      timeout: options.timeout,
      jobs: options.jobs,
      date,
      cover: wantEpub,
      signal,
      timer,
      fontCache: cache.fonts,
      onProgress: onProgress ? (layout) => onProgress({ stage: 'layout', layout }) : undefined,
    });
    if (options.formats.includes('pdf')) artifacts.push({ format: 'pdf', data: pdf.bytes, pages: pdf.pages });
    cache.print = pdf.layout;
    if (pdfx && ghostscript) {
      const press = await timer.measure('pdfx', () =>
        pdfx.pdfxEdition(book, { ghostscript, pdf: pdf.bytes, date, timeout: options.timeout ?? PDFX_TIMEOUT, signal }),
      );
      artifacts.push({ format: 'pdfx', data: press, pages: pdf.pages });
    }
  }
  if (epubModule) {
    const { epubEdition } = await epubModule;
    artifacts.push({ format: 'epub', data: await timer.measure('epub', () => epubEdition(book, { date, print: cache.print })) });
  }

  signal?.throwIfAborted();
  if (options.strict) throwIfAnyMessage(sourceFiles(book));
  const base = path.join(options.outDir, slugify(book.config.title));
  const outputs: BuildOutput[] = [];
  await timer.measure('write', async () => {
    for (const artifact of artifacts) {
      const file = `${base}${fileEndings[artifact.format]}`;
      await writeAtomic(file, artifact.data);
      outputs.push({ format: artifact.format, path: file, ...(artifact.pages === undefined ? {} : { pages: artifact.pages }) });
    }
  });
  return { outputs, messages: messagesOf(sourceFiles(book)), timings: timer.timings };
}
