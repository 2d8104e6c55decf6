import type { VFileMessage } from 'vfile-message';
import type { PrintLayout } from '../model/print-layout.js';
import { StageTimer, type Timings } from '../shared/timings.js';
import { type BuildOptionsInput, type Format, parseBuildOptions, printed } from './build-options.js';

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
  // One build: the browser is closed as soon as the print edition is made, while the rest is finished.
  const builder = await createBuilder(input, { once: true });
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
export interface BuildCache {
  /** Font CSS by the set of code points it covers. */
  fonts: Map<string, Promise<string>>;
  /** The last print layout, for an EPUB rebuilt alone. */
  print?: PrintLayout;
}

/**
 * Make a builder. With the PDF among the formats, its browser starts right away, so
 * it boots while the rest of Galley loads and the manuscript is read: this module
 * loads only what starting it takes, the stages and editions (unified, Puppeteer,
 * pdf-lib, …) are loaded after it, and each edition only when asked for.
 */
export async function createBuilder(input: BuildOptionsInput, use: { once: boolean } = { once: false }): Promise<Builder> {
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
  const editions = import('./build-editions.js');
  editions.catch(() => undefined); // reported by build()
  const cache: BuildCache = { fonts: new Map() };
  let closed = false;
  return {
    async build(formats) {
      if (closed) throw new Error('This builder is closed');
      const only = formats ? options.formats.filter((f) => formats.includes(f)) : options.formats;
      const buildTimer = first ?? new StageTimer(onStage);
      first = undefined;
      const { buildWith } = await editions;
      return buildWith({ ...options, formats: only }, buildTimer, browser, cache, use.once ? () => void browser?.close() : undefined);
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser?.close();
    },
  };
}
