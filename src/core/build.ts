import path from 'node:path';
import * as v from 'valibot';
import type { VFileMessage } from 'vfile-message';
import { dataUris, resolveImages } from '../assets/resolve-images.js';
import { buildHtml } from '../html/build-html.js';
import { renderChapters } from '../html/render-chapters.js';
import { loadManuscript } from '../manuscript/load.js';
import type { BrowserHandle } from '../pdf/browser.js';
import type { PdfStageResult } from '../pdf/build-pdf.js';
import { throwIfFatal } from './messages.js';
import { BuildOptions, type BuildOptionsInput, type Format } from './options.js';
import { slugify } from './slug.js';
import { sourceDate } from './source-date.js';
import { StageTimer, type Timings } from './timings.js';
import { writeAtomic } from './write-atomic.js';

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
 * Build the editions of a manuscript. Sequences the stages, nothing else:
 * load → render chapters → resolve images → make every requested edition in
 * memory → write them, each atomically. Nothing is written unless every edition
 * was made.
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

/**
 * Make a builder. With the PDF among the formats, its browser starts right away, so
 * it boots while the manuscript is read; the PDF and EPUB stages (Puppeteer,
 * pdf-lib, …) are loaded only when asked for.
 */
export async function createBuilder(input: BuildOptionsInput): Promise<Builder> {
  const options = v.parse(BuildOptions, input);
  const { signal } = options;
  signal?.throwIfAborted();
  // The first build's timer also measures the browser's start.
  let first: StageTimer | undefined = new StageTimer();
  const timer = first;
  const browser = options.formats.includes('pdf')
    ? (await import('../pdf/browser.js')).startBrowser({ executablePath: options.executablePath, signal, timer })
    : undefined;
  const cache: BuildCache = { fonts: new Map() };
  let closed = false;
  return {
    async build(formats) {
      if (closed) throw new Error('This builder is closed');
      const only = formats ? options.formats.filter((f) => formats.includes(f)) : options.formats;
      const buildTimer = first ?? new StageTimer();
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

/** What a builder keeps between builds. */
export interface BuildCache {
  /** Font CSS by the set of code points it covers. */
  fonts: Map<string, Promise<string>>;
  /** The last print edition's cover and page starts, for an EPUB rebuilt alone. */
  print?: Pick<PdfStageResult, 'coverPng' | 'pageStarts'>;
}

async function buildWith(options: BuildOptions, timer: StageTimer, browser: BrowserHandle | undefined, cache: BuildCache): Promise<BuildResult> {
  const { signal } = options;
  const loaded = await timer.measure('load', () => loadManuscript(options.root));
  const { manuscript } = loaded;
  const rendered = await timer.measure('markdown', () => renderChapters(manuscript));
  const images = await timer.measure('images', () => resolveImages(manuscript.root, rendered.chapters));
  const messages = [...loaded.messages, ...rendered.messages, ...images.messages];
  throwIfFatal(messages);

  const { config } = manuscript;
  const date = sourceDate(config.date);
  // The HTML and print editions inline their images; the EPUB packages the files.
  const inline = options.formats.some((f) => f !== 'epub') ? dataUris(images.assets) : new Map<string, string>();
  const artifacts: Array<{ format: Format; data: string | Uint8Array; pages?: number }> = [];

  if (options.formats.includes('html')) artifacts.push({ format: 'html', data: await timer.measure('html', () => buildHtml(config, rendered.chapters, inline)) });
  const wantEpub = options.formats.includes('epub');
  let pdf: PdfStageResult | undefined;
  const epubStage = wantEpub ? import('../epub/build-epub.js') : undefined;
  if (browser && options.formats.includes('pdf')) {
    const { buildPdf } = await import('../pdf/build-pdf.js');
    pdf = await buildPdf({ fontCache: cache.fonts, config, chapters: rendered.chapters, images: inline, root: manuscript.root, configFile: manuscript.configFile, browser, timeout: options.timeout, date, cover: wantEpub, signal, timer });
    messages.push(...pdf.messages);
    artifacts.push({ format: 'pdf', data: pdf.bytes, pages: pdf.pages });
    cache.print = { coverPng: pdf.coverPng, pageStarts: pdf.pageStarts };
  }
  const print = pdf ?? cache.print;
  if (wantEpub) {
    const { buildEpub } = await epubStage!;
    const epub = await timer.measure('epub', () => buildEpub({ config, chapters: rendered.chapters, images: images.assets, configFile: manuscript.configFile, date, coverPng: print?.coverPng, pageStarts: print?.pageStarts }));
    messages.push(...epub.messages);
    artifacts.push({ format: 'epub', data: epub.bytes });
  }

  signal?.throwIfAborted();
  const base = path.join(options.outDir, slugify(config.title));
  const outputs: BuildOutput[] = [];
  await timer.measure('write', async () => {
    for (const artifact of artifacts) {
      const file = `${base}.${artifact.format}`;
      await writeAtomic(file, artifact.data);
      outputs.push({ format: artifact.format, path: file, ...(artifact.pages === undefined ? {} : { pages: artifact.pages }) });
    }
  });
  return { outputs, messages, timings: timer.timings };
}
