import path from 'node:path';
import * as v from 'valibot';
import type { VFileMessage } from 'vfile-message';
import { buildHtml } from '../html/build-html.js';
import { renderChapters } from '../html/render-chapters.js';
import { loadManuscript } from '../manuscript/load.js';
import { withBrowser } from '../pdf/browser.js';
import { buildEpub } from '../epub/build-epub.js';
import { buildPdf, type PdfStageResult } from '../pdf/build-pdf.js';
import { sourceDate } from './source-date.js';
import { throwIfFatal } from './messages.js';
import { BuildOptions, type BuildOptionsInput, type Format } from './options.js';
import { slugify } from './slug.js';
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
}

/**
 * Build the editions of a manuscript. Sequences the stages, nothing else:
 * load → render chapters → write each requested edition atomically.
 */
export async function build(input: BuildOptionsInput): Promise<BuildResult> {
  const options = v.parse(BuildOptions, input);
  options.signal?.throwIfAborted();
  const loaded = await loadManuscript(options.root);
  const rendered = await renderChapters(loaded.manuscript);
  const messages = [...loaded.messages, ...rendered.messages];
  throwIfFatal(messages);
  const { config } = loaded.manuscript;
  const base = path.join(options.outDir, slugify(config.title));
  const outputs: BuildOutput[] = [];
  if (options.formats.includes('html')) {
    const file = `${base}.html`;
    await writeAtomic(file, await buildHtml(config, rendered.chapters));
    outputs.push({ format: 'html', path: file });
  }
  const date = sourceDate(config.date);
  const wantEpub = options.formats.includes('epub');
  let pdf: PdfStageResult | undefined;
  if (options.formats.includes('pdf')) {
    pdf = await withBrowser({ executablePath: options.executablePath, signal: options.signal }, (session) =>
      buildPdf({ config, chapters: rendered.chapters, root: options.root, configFile: loaded.manuscript.configFile, session, timeout: options.timeout, date, cover: wantEpub, signal: options.signal }),
    );
    messages.push(...pdf.messages);
  }
  // Build everything first, then write: a failure leaves no new artifact half-made.
  const epub = wantEpub
    ? await buildEpub({ config, chapters: rendered.chapters, configFile: loaded.manuscript.configFile, date, coverPng: pdf?.coverPng, pageStarts: pdf?.pageStarts })
    : undefined;
  options.signal?.throwIfAborted();
  if (pdf) {
    const file = `${base}.pdf`;
    await writeAtomic(file, pdf.bytes);
    outputs.push({ format: 'pdf', path: file, pages: pdf.pages });
  }
  if (epub) {
    messages.push(...epub.messages);
    const file = `${base}.epub`;
    await writeAtomic(file, epub.bytes);
    outputs.push({ format: 'epub', path: file });
  }
  return { outputs, messages };
}
