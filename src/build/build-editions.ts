import path from 'node:path';
import { htmlEdition } from '../editions/html/html-edition.js';
import type { BrowserHandle } from '../editions/pdf/browser.js';
import { sourceFiles } from '../model/book.js';
import { messagesOf, throwIfAnyMessage } from '../shared/messages.js';
import { slugify } from '../shared/slug.js';
import { sourceDate } from '../shared/source-date.js';
import type { StageTimer } from '../shared/timings.js';
import { writeAtomic } from '../shared/write-atomic.js';
import type { BuildCache, BuildOutput, BuildResult } from './build.js';
import { type BuildOptions, type Format, fileEndings, printed } from './build-options.js';
import { makeBook } from './make-book.js';

/** How long Ghostscript may take to make the press-ready PDF when no `timeout` is given. */
const PDFX_TIMEOUT = 600_000;

/**
 * One build: the `Book` from the manuscript, then every edition asked for, in
 * memory, then written, each atomically. `doneWithBrowser` hears when the browser
 * is no longer needed (a one-off build closes it while it finishes the rest).
 */
export async function buildWith(
  options: BuildOptions,
  timer: StageTimer,
  browser: BrowserHandle | undefined,
  cache: BuildCache,
  doneWithBrowser?: () => void,
): Promise<BuildResult> {
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
      standards: typeof options.pdfStandard === 'string' ? [options.pdfStandard] : (options.pdfStandard ?? []),
      signal,
      timer,
      fontCache: cache.fonts,
      onProgress: onProgress ? (layout) => onProgress({ stage: 'layout', layout }) : undefined,
    });
    doneWithBrowser?.();
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
