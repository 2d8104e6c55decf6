import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { reportBoxesOnPages } from '../src/editions/pdf/missing-glyphs.js';
import { notdefUses } from '../src/editions/pdf/notdef.js';
import { systemFonts } from '../src/editions/pdf/system-fonts.js';
import { undrawableFinder } from '../src/editions/pdf/undrawable.js';
import { build } from '../src/index.js';
import { fixtures, tempDirs } from './helpers.js';

const temp = tempDirs();

describe('letters the shipped fonts cannot draw', () => {
  it('are a character no font has, or a letter whose marks the font of its first character lacks', async () => {
    const find = undrawableFinder(await systemFonts());
    const clusters = (text: string) => find(text).map((found) => found.cluster);
    expect(clusters('a ‣ b')).toEqual(['‣']);
    expect(clusters('[ə̆] x̆ z̷')).toEqual(['ə̆', 'x̆', 'z̷']);
    expect(find('z̷')[0]!.missing).toEqual([0x337]);
    expect(find('x̆')[0]!.missing).toEqual([]);
    // Drawn: composed by the font (e + ◌́), a Thai mark after punctuation (a run of its own), emoji sequences, Devanagari.
    expect(clusters('cafe\u0301 (่ ้) 1️⃣ 🇫🇷 👩‍💻 👍🏽 क्षत्रिय ♠ ✓')).toEqual([]);
  });

  it('print as boxes, and only they: the symbols, ligatures and marks after them keep their fonts', async () => {
    const outDir = await temp();
    const result = await build({ root: fixtures('pdf', 'font-fallback'), outDir, formats: ['pdf'] });
    expect(result.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '3:1 No shipped font has the character ‘‣’ (U+2023); it prints as a box',
      '5:1 No shipped font has the character ‘̷’ (U+0337); it prints as a box',
      '7:1 No shipped font draws the letters ‘ə̆’ (U+0259 U+0306), ‘x̆’ (U+0078 U+0306) whole (the font of their first character lacks their marks); they print with boxes',
      '9:1 No shipped font has the characters ‘ᄒ’ (U+1112), ‘ᅡ’ (U+1161), ‘ᆫ’ (U+11AB); they print as boxes',
    ]);
    const pdf = await PDFDocument.load(await readFile(path.join(outDir, 'fallback.pdf')));
    // One box for each of the seven characters warned of (‣, ◌̷, the two breves, three jamo). Chromium gave up on
    // the rest of a run at the first character without a font: 19 boxes, ♠ ♣ ℃ ✓ ★ ﬁ ﬂ ♥ among them.
    const uses = notdefUses(pdf);
    expect(uses.map((use) => use.page)).toEqual(uses.map(() => 5));
    expect(uses.reduce((sum, use) => sum + use.count, 0)).toBe(7);
  });

  it('and a page drawing more boxes than its text foresees is warned of, at the page’s first block', async () => {
    const book = await makeBook(fixtures('pdf', 'font-fallback'));
    const find = undrawableFinder(await systemFonts());
    const messagesBefore = book.chapters[0]!.file.messages.length;
    const starts = [{ page: 5, block: '0', offset: 0 }];
    reportBoxesOnPages(book, [{ page: 5, font: 'SourceSerif4-Regular', count: 7 }], starts, find);
    expect(book.chapters[0]!.file.messages.length).toBe(messagesBefore);
    reportBoxesOnPages(book, [{ page: 5, font: 'SourceSerif4-Regular', count: 17 }], starts, find);
    const added = book.chapters[0]!.file.messages.slice(messagesBefore);
    expect(added.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '1:1 Page 5 of the PDF draws 17 boxes where a character has no glyph in the font it is set in (SourceSerif4-Regular), on the page that starts here: look for unusual characters on it (a ligature character such as “ﬁ”, a mark over a letter)',
    ]);
  });
});
