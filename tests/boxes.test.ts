import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { reportBoxesOnPages } from '../src/editions/pdf/missing-glyphs.js';
import { notdefUses } from '../src/editions/pdf/notdef.js';
import { systemFonts } from '../src/editions/pdf/system-fonts.js';
import { undrawableFinder } from '../src/editions/pdf/undrawable.js';
import { build } from '../src/index.js';
import { fixtures, tempDirs, writeFiles } from './helpers.js';

const temp = tempDirs();

describe('letters the shipped fonts cannot draw', () => {
  it('are a character no font has, or a letter whose marks the font of its first character lacks', async () => {
    const find = undrawableFinder(await systemFonts());
    const clusters = (text: string) => find(text).map((found) => found.cluster);
    expect(clusters('a ‣ b')).toEqual(['‣']);
    expect(clusters('[ə̆] x̆ z̷ a\u20E3')).toEqual(['ə̆', 'x̆', 'z̷', 'a\u20E3']);
    expect(find('z̷')[0]!.missing).toEqual([0x337]);
    expect(find('x̆')[0]!.missing).toEqual([]);
    // Chromium draws a glyph for these, which no font has (a prepended mark is one letter with what follows it).
    expect(clusters('a\u1680b \u0605 \uFFA0')).toEqual(['\u1680', '\u0605 ', '\uFFA0']);
    // Drawn: a Thai mark after punctuation or a Latin letter (a run of its own), kana with a mark, emoji
    // sequences and keycaps, Devanagari.
    expect(clusters('(่ ้) a\u0e48 セ゚ 1️⃣ 🇫🇷 👩‍💻 👍🏽 क्षत्रिय ♠ ✓')).toEqual([]);
    // Drawn composed: the Latin file of Source Serif has no ğ, its Latin Extended file has.
    expect(find('cafe\u0301 g\u0306 s\u030C').map((found) => found.drawnAs)).toEqual(['ğ', 'š']);
  });

  it('print as boxes, and only they: the symbols, ligatures and marks after them keep their fonts, in the text, the contents and the running heads', async () => {
    const outDir = await temp();
    const result = await build({ root: fixtures('pdf', 'font-fallback'), outDir, formats: ['pdf'] });
    expect(result.messages.map((message) => `${path.basename(message.file ?? '')}:${message.line}:${message.column} ${message.reason}`)).toEqual([
      'book.yaml:3:8 No shipped font has the character ‘‣’ (U+2023); it prints as a box',
      'a.md:1:3 No shipped font has the character ‘‣’ (U+2023); it prints as a box',
      'a.md:5:37 No shipped font has the character ‘̷’ (U+0337); it prints as a box',
      'a.md:7:40 No shipped font draws the letters ‘ə̆’ (U+0259 U+0306), ‘x̆’ (U+0078 U+0306) whole (the font of their first character lacks their marks); they print with boxes',
      'a.md:9:29 No shipped font has the characters ‘ᄒ’ (U+1112), ‘ᆞ’ (U+119E), ‘ᆫ’ (U+11AB); they print as boxes',
    ]);
    const pdf = await PDFDocument.load(await readFile(path.join(outDir, 'fallback.pdf')));
    // A box for each character warned of: ‣ on the title page (the ♣ after it drawn), in the contents and in the
    // heading; ◌̷, the two breves and the three jamo in the text. None in the running heads, which leave ‣ out.
    // Before letters without a font were set apart, Chromium gave up on the rest of a run at the first of them:
    // ♠ ♣ ℃ ✓ ★ ﬁ ﬂ ♥ printed as boxes too.
    const boxes = (page: number) => notdefUses(pdf).reduce((sum, use) => sum + (use.page === page ? use.count : 0), 0);
    expect([boxes(1), boxes(3), boxes(5)]).toEqual([1, 1, 8]);
    expect(notdefUses(pdf).every((use) => [1, 3, 5].includes(use.page))).toBe(true);
    // The letters written apart are set composed: g + ◌̆ as ğ.
    const text = (await promisify(execFile)('pdftotext', [path.join(outDir, 'fallback.pdf'), '-'])).stdout;
    expect(text).toContain('Composed where written apart: ğ š ů');
    expect(text).toContain('FALLBACK ♠ AND Ğ');
  });

  it('and a page drawing more boxes than its text foresees is warned of, at the page’s first block', async () => {
    const book = await makeBook(fixtures('pdf', 'font-fallback'));
    const find = undrawableFinder(await systemFonts());
    const messagesBefore = book.chapters[0]!.file.messages.length;
    const starts = [{ page: 5, block: '0', offset: 0 }];
    reportBoxesOnPages(book, [{ page: 5, font: 'SourceSerif4-Regular', count: 8 }], starts, find);
    expect(book.chapters[0]!.file.messages.length).toBe(messagesBefore);
    reportBoxesOnPages(book, [{ page: 5, font: 'SourceSerif4-Regular', count: 17 }], starts, find);
    const added = book.chapters[0]!.file.messages.slice(messagesBefore);
    expect(added.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '1:1 Page 5 of the PDF draws 17 boxes where a character has no glyph in the font it is set in (SourceSerif4-Regular), on the page that starts here: look for unusual characters on it (a ligature character such as “ﬁ”, a mark over a letter, a heading set in capitals)',
    ]);
  });

  it('written apart are composed in every edition (not in code), and a character on its own stays as written', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: Apart\nlanguage: tr\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555599\ndate: 2024-01-01\nchapters: [a.md]\n',
      'a.md': '# Dog\u0306u\n\nDag\u0306, \u1112\u1161\u11ab, \uF900 and `g\u0306`.\n',
    });
    const result = await build({ root, outDir: path.join(root, 'out'), formats: ['html'] });
    const html = await readFile(result.outputs[0]!.path, 'utf8');
    expect(html).toContain('Dağ, 한, \uF900 and <code>g\u0306</code>.');
    expect(html).toMatch(/<h1 id="[^"]*">Doğu<\/h1>/);
  });
});
