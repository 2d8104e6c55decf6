import path from 'node:path';
import * as v from 'valibot';
import type { VFileMessage } from 'vfile-message';
import { buildHtml } from '../html/build-html.js';
import { renderChapters } from '../html/render-chapters.js';
import { loadManuscript } from '../manuscript/load.js';
import { withBrowser } from '../pdf/browser.js';
import { buildPdf } from '../pdf/build-pdf.js';
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
  if (options.formats.includes('pdf')) {
    const date = sourceDate(config.date);
    const pdf = await withBrowser({ executablePath: options.executablePath, signal: options.signal }, (session) =>
      buildPdf({ config, chapters: rendered.chapters, root: options.root, configFile: loaded.manuscript.configFile, session, timeout: options.timeout, date, signal: options.signal }),
    );
    messages.push(...pdf.messages);
    const file = `${base}.pdf`;
    await writeAtomic(file, pdf.bytes);
    outputs.push({ format: 'pdf', path: file, pages: pdf.pages });
  }
  return { outputs, messages };
}
