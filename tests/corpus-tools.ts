import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, GalleyError } from '../src/index.js';
import { formatAll } from './helpers.js';

export interface BuiltBook {
  html: string;
  pdf: string;
  epub: string;
  /** The build's messages as the CLI prints them, paths relative to the manuscript. */
  messages: string;
  /** The book's language (`book.yaml`). */
  language: string;
  /** Characters the build warned no shipped font has. */
  unprintable: string[];
}

/** Build every edition of the manuscript at `root` into `out`. */
export async function buildBook(root: string, out: string): Promise<BuiltBook> {
  const result = await build({ root, outDir: out });
  const file = (format: string) => result.outputs.find((o) => o.format === format)!.path;
  const config = await readFile(path.join(root, 'book.yaml'), 'utf8');
  return {
    html: file('html'),
    pdf: file('pdf'),
    epub: file('epub'),
    messages: formatAll(result.messages, root),
    language: /^language:\s*(\S+)/m.exec(config)?.[1] ?? 'en',
    unprintable: result.messages.filter((m) => m.ruleId === 'missing-glyph').flatMap((m) => [...m.reason.matchAll(/‘(.+?)’/gu)].map((match) => match[1]!)),
  };
}

/** Build, expecting the build to be refused; returns its messages as the CLI prints them. */
export async function refusedBuild(root: string, out: string): Promise<string> {
  try {
    await build({ root, outDir: out });
  } catch (cause) {
    if (cause instanceof GalleyError) return formatAll(cause.messages, root);
    throw cause;
  }
  throw new Error(`${root} was built, but should have been refused`);
}
