import { InvalidArgumentError } from 'commander';
import { type Format, formats } from '../build/build-options.js';
import { type PdfStandard, pdfStandardAliases, pdfStandards } from '../shared/pdf-standards.js';

// The command line's arguments: parsers for commander, and the flags as the library's options.

export function parseFormats(value: string, previous: Format[] | undefined): Format[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase());
  for (const f of list) {
    if (!(formats as readonly string[]).includes(f)) throw new InvalidArgumentError(`expected one of ${formats.join(', ')}, not "${f}"`);
  }
  return [...new Set([...(previous ?? []), ...(list as Format[])])];
}

/** A standard by its name or another (`pdfStandardAliases`), in any case; nothing else, not even with spaces around. */
export function parsePdfStandard(value: string): PdfStandard {
  const name = value.toLowerCase();
  const standard = (pdfStandards as readonly string[]).includes(name)
    ? (name as PdfStandard)
    : Object.hasOwn(pdfStandardAliases, name)
      ? pdfStandardAliases[name]
      : undefined;
  if (standard === undefined)
    throw new InvalidArgumentError(`expected one of ${[...pdfStandards, ...Object.keys(pdfStandardAliases)].join(', ')}, not ${JSON.stringify(value)}`);
  return standard;
}

/** Standards, a comma-separated list of them (`parsePdfStandard`), added to those asked for before, once each. */
export function parsePdfStandards(value: string, previous: PdfStandard[] | undefined): PdfStandard[] {
  return [...new Set([...(previous ?? []), ...value.split(/\s*,\s*/).map(parsePdfStandard)])];
}

export interface BuildFlags {
  out: string;
  format?: Format[];
  timeout?: number;
  jobs: number;
  pdfStandard?: PdfStandard[];
  timings?: boolean;
  strict?: boolean;
  watch?: boolean;
}

/** The options of `build()` and `watch()` the build command's flags give. */
export function buildOptions(dir: string, opts: BuildFlags) {
  return {
    root: dir,
    outDir: opts.out,
    ...(opts.format ? { formats: opts.format } : {}),
    ...(opts.timeout === undefined ? {} : { timeout: opts.timeout * 1000 }),
    jobs: opts.jobs,
    ...(opts.pdfStandard === undefined ? {} : { pdfStandard: opts.pdfStandard }),
  };
}

/** A parser of numbers of at least 1 (whole numbers only, if `whole`), for commander. */
export const atLeastOne = (what: string, whole: boolean) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || (whole && !Number.isInteger(n))) throw new InvalidArgumentError(`expected ${what} (at least 1), not "${value}"`);
  return n;
};

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export interface ImportFlags {
  out: string;
  title?: string;
  lang?: string;
  creator?: string[];
  publisher?: string;
  rights?: string;
  date?: string;
  subject?: string[];
}
