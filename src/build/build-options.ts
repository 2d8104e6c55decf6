import { availableParallelism } from 'node:os';
import * as v from 'valibot';
import { pdfStandards } from '../shared/pdf-standards.js';
import type { BuildProgress } from '../shared/progress.js';

export const formats = ['html', 'pdf', 'epub', 'pdfx'] as const;
export type Format = (typeof formats)[number];

/** What each edition's file name ends with (after the title's slug). */
export const fileEndings: Record<Format, string> = { html: '.html', pdf: '.pdf', epub: '.epub', pdfx: '.pdfx.pdf' };

/** The defaults of `build()`, the CLI and watch mode, stated once. */
export const defaults = {
  outDir: 'build',
  formats: ['html', 'pdf', 'epub'] as Format[],
  /** Layout parts laid out at once: one per core. */
  jobs: availableParallelism(),
} as const;

/** Options of `build()`; validated once, here, at the library boundary. */
export const BuildOptions = v.strictObject({
  /** The manuscript folder (holding `book.yaml`). */
  root: v.pipe(v.string(), v.nonEmpty('Expected the path of the manuscript folder, not an empty string')),
  /** Where the editions are written. */
  outDir: v.optional(v.pipe(v.string(), v.nonEmpty()), defaults.outDir),
  /** Which editions to build. */
  formats: v.optional(v.pipe(v.array(v.picklist(formats, `Expected one of ${formats.join(', ')}`)), v.minLength(1, 'Expected at least one format')), () => [
    ...defaults.formats,
  ]),
  /** How long the PDF edition may take, in milliseconds (default: from the size of the book, see `defaultTimeout`). */
  timeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000, 'Expected at least 1000 milliseconds'))),
  /** Layout parts laid out at once (default: one per core). */
  jobs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'Expected at least 1 job')), defaults.jobs),
  /**
   * The standards the PDF edition is made to, one or several (`pdfa-2b`: PDF/A-2b, for archives;
   * `pdfua-1`: PDF/UA-1, accessible); each is checked before the file claims it. Default: none beyond Galley's own.
   */
  pdfStandard: v.optional(
    v.union([v.picklist(pdfStandards), v.array(v.picklist(pdfStandards))], `Expected one of ${pdfStandards.join(', ')}, or a list of them`),
  ),
  /** Called as the build moves on (stages, pages laid out); for progress displays. */
  onProgress: v.optional(v.custom<(progress: BuildProgress) => void>((value) => typeof value === 'function', 'Expected a function')),
  /** Treat every warning as an error (for CI): nothing is written if there is any. */
  strict: v.optional(v.boolean(), false),
  /** The browser to use (default: found by `findBrowser`). */
  executablePath: v.optional(v.string()),
  /** Cancels the build; the browser is closed and no partial file is left. */
  signal: v.optional(v.instance(AbortSignal)),
});

export type BuildOptionsInput = v.InferInput<typeof BuildOptions>;
export type BuildOptions = v.InferOutput<typeof BuildOptions>;

/** Validate the options of `build()` once, at the library boundary; a mistake is a `TypeError` naming the option. */
export function parseBuildOptions(input: BuildOptionsInput): BuildOptions {
  const result = v.safeParse(BuildOptions, input);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => `\`${v.getDotPath(issue) ?? 'options'}\`: ${issue.message}`);
  throw new TypeError(`Invalid build options: ${problems.join('; ')}`);
}

/** Whether the formats need the book laid out in the browser. */
export function printed(formats: readonly Format[]): boolean {
  return formats.includes('pdf') || formats.includes('pdfx');
}
