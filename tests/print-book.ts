import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeBook } from '../src/build/make-book.js';
import type { BrowserHandle } from '../src/editions/pdf/browser.js';
import { pdfEdition } from '../src/editions/pdf/pdf-edition.js';
import { StageTimer } from '../src/shared/timings.js';

/**
 * The print edition of a manuscript folder, made with the PDF edition's own
 * options (a layout part size, jobs) and written to `dir`: for tests of how a
 * book is laid out in parts.
 */
export async function printBook(
  browser: BrowserHandle,
  root: string,
  dir: string,
  options: { partSize?: number | undefined; jobs?: number | undefined; timeout?: number | undefined } = {},
) {
  const pdf = await pdfEdition(await makeBook(root), {
    browser,
    timeout: options.timeout ?? 300_000,
    jobs: options.jobs ?? 2,
    date: undefined,
    cover: false,
    standards: [],
    timer: new StageTimer(),
    fontCache: new Map(),
    signal: undefined,
    partSize: options.partSize,
  });
  const file = path.join(dir, 'book.pdf');
  await writeFile(file, pdf.bytes);
  return { ...pdf, file };
}
