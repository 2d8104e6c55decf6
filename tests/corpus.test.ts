import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedFamilies } from '../src/editions/shared/font-families.js';
import { type BuiltBook, buildBook, refusedBuild } from './corpus-tools.js';
import { ace, epubcheck } from './epub-tools.js';
import { repoRoot, tempDirs } from './helpers.js';
import { accessibilityFindings } from './pdf-accessibility.js';
import { pdfFonts, qpdfCheck } from './pdf-tools.js';
import { compareWords, rightToLeftReading, untaggedLetters } from './pdf-words.js';

/**
 * The corpus (tests/corpus, see its README): articles and books unlike the seed,
 * in several languages and scripts, with every Markdown construct and hostile
 * text. Each is built into every edition, and the editions are checked with
 * tools Galley did not write: poppler (the words on the pages), epubcheck, Ace by
 * DAISY, qpdf; and with our PDF/UA checks.
 */
const corpus = path.join(repoRoot, 'tests', 'corpus');
const refused = new Set(['16-broken-links']);
/** Books with right-to-left text. */
const rightToLeftBooks = new Set(['07-multiscript', '08-arabic', '09-hebrew']);
const books = readdirSync(corpus).filter((name) => /^\d\d-/.test(name) && !refused.has(name));
const temp = tempDirs();

/** PostScript names of the shipped families' faces start with the family name without spaces. */
const shipped = new RegExp(`^[A-Z]{6}\\+(${shippedFamilies.map((f) => f.family.replace(/ /g, '')).join('|')})(ExtraLight)?-`);

describe.each(books)('%s', (book) => {
  let built: BuiltBook;
  beforeAll(async () => {
    built = await buildBook(path.join(corpus, book), await temp());
  });

  it('warns of what the manuscript holds, and of nothing else', () => {
    expect(built.messages).toMatchSnapshot();
  });

  it('prints every word of the HTML edition, split only where the language allows', async () => {
    const report = await compareWords(built.pdf, built.html, built.language, built.unprintable);
    expect(report.missing).toEqual([]);
    expect(report.badSplits).toEqual([]);
    expect(report.total).toBeGreaterThan(50);
    expect(report.leftOut / report.total).toBeLessThan(0.02);
    // poppler gives right-to-left and Brahmic text back in an order of its own
    // (diacritics and vowel signs apart): most words, not all, come back whole.
    if (report.complex.words > 0) expect(report.complex.whole / report.complex.words).toBeGreaterThan(0.8);
  });

  it('embeds only the shipped fonts, each mapped to Unicode', async () => {
    const fonts = await pdfFonts(built.pdf);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, unicode: true });
      // Chromium draws a face made bold or slanted by the browser as Type 3 glyphs.
      if (font.type !== 'Type 3') expect(font.name).toMatch(shipped);
    }
    expect(await qpdfCheck(built.pdf)).toContain('No syntax or stream encoding errors found');
  });

  it('makes a PDF that meets the PDF/UA conditions checked', async () => {
    expect(await accessibilityFindings(await readFile(built.pdf))).toEqual([]);
  });

  it('gives assistive technology the whole text: the structure text (pdfinfo -struct-text) holds the letters of the pages', async () => {
    const { missing, total, strayWords, words, stray } = await untaggedLetters(built.pdf, built.html);
    expect(total).toBeGreaterThan(100);
    // Words apart where a line wraps (a few differ: a title page's small capitals, a font without a space).
    // (And a few on a short book's title page: "C orpus" in small capitals on the page, "corpus" in the tags.)
    expect(strayWords, stray.join(' ')).toBeLessThanOrEqual(3 + 0.025 * words);
    // (A few differ by a glyph's own Unicode: `ā` as `a` and a mark. Poppler dropped the rest of a
    // paragraph after Chromium's ActualText of one character: 48 % of a French book, 82 % of an Arabic one.)
    expect(missing / total).toBeLessThan(0.005);
  });

  it('gives assistive technology right-to-left text in reading order: each word as written, each two words in their order', async () => {
    const reading = await rightToLeftReading(built.pdf, built.html);
    // (Chromium drew and tagged it in visual order: every Arabic and Hebrew word backwards, a line's words last to first.)
    if (rightToLeftBooks.has(book)) expect(reading.words).toBeGreaterThan(50);
    if (reading.words === 0) return;
    // (Words Poppler reads without a letter Chromium marked with ActualText, and digits beside a letter in one run, differ.)
    expect(reading.stray.length / reading.words, reading.stray.join(' ')).toBeLessThan(0.05);
    expect(reading.pairsInOrder / reading.pairs, `${reading.pairsInOrder} of ${reading.pairs}`).toBeGreaterThan(0.95);
  });

  it('makes an EPUB epubcheck passes with no message', async () => {
    const check = await epubcheck(built.epub);
    expect(check.report.trim()).toBe('');
    expect(check.ok).toBe(true);
  });

  it('makes an EPUB in which Ace by DAISY finds no accessibility violation', async () => {
    expect(await ace(built.epub)).toEqual([]);
  });
});

describe('16-broken-links', () => {
  it('is refused, with every broken link named at its place', async () => {
    expect(await refusedBuild(path.join(corpus, '16-broken-links'), await temp())).toMatchSnapshot();
  });
});
