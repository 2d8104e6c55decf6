import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from './corpus/generate.mjs';
import { type BuiltBook, buildBook } from './corpus-tools.js';
import { epubcheck } from './epub-tools.js';
import { tempDirs } from './helpers.js';
import { compareWords } from './pdf-words.js';

/**
 * Long books composed from the corpus's articles with a seeded generator
 * (tests/corpus/generate.mjs): a 38,000-word article, and books of 20 to 50
 * chapters on every trim size, 40,000 to 77,000 words, 140 to 210 pages.
 */
const temp = tempDirs();
const books = generate(path.join(await temp(), 'generated'));

describe.each(books.map((root) => [path.basename(root), root]))('%s', (_name, root) => {
  let built: BuiltBook;
  beforeAll(async () => {
    built = await buildBook(root, await temp());
  }, 300_000);

  it('prints every word of the HTML edition, split only where the language allows', async () => {
    const report = await compareWords(built.pdf, built.html, built.language, built.unprintable);
    expect(report.missing).toEqual([]);
    expect(report.badSplits).toEqual([]);
    expect(report.total).toBeGreaterThan(35_000);
    expect(report.leftOut).toBeLessThan(5);
  });

  it('warns of nothing but what the manuscript holds', () => {
    expect(built.messages).toMatchSnapshot();
  });

  it('makes an EPUB epubcheck passes with no message', async () => {
    const check = await epubcheck(built.epub);
    expect(check.report.trim()).toBe('');
    expect(check.ok).toBe(true);
  });
});
