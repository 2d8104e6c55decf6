import { describe, expect, it } from 'vitest';
import { lastShown, lastStringOperand, numberOperands, operations } from '../src/editions/pdf/content-stream.js';
import { markArtifacts } from '../src/editions/pdf/mark-artifacts.js';
import type { FontCodes } from '../src/editions/pdf/font-codes.js';
import { addLineEndSpaces } from '../src/editions/pdf/line-end-spaces.js';
import { bookWords } from '../src/editions/pdf/book-words.js';
import { separateNestedContent } from '../src/editions/pdf/nested-marked-content.js';
import { readRightToLeft } from '../src/editions/pdf/right-to-left.js';

const operators = (text: string) => operations(text).map((op) => op.operator);

describe('reading a content stream', () => {
  it('finds the operators, whatever their operands hold', () => {
    const stream = [
      '% a comment with Tj and BT in it',
      'q 1 0 0 1 -2.5 .5e cm',
      '/Span <</MCID 3 /ActualText (a \\) Tj \\( BT (nested) EMC)>> BDC',
      'BT /F1 12 Tf [(Tj) -250 <0041> ( ET )] TJ ET',
      'EMC',
      '<< /Key [1 2 {3}] >> /Name gs',
      'true false null d0',
      'BI /W 2 /H 1 /BPC 8 /CS /G ID \u0000EMC\u00ffQ EI',
      'Q',
    ].join('\n');
    expect(operators(stream)).toEqual(['q', 'cm', 'BDC', 'BT', 'Tf', 'TJ', 'ET', 'EMC', 'gs', 'd0', 'EI', 'Q']);
    const tj = operations(stream).find((op) => op.operator === 'TJ')!;
    expect(stream.slice(tj.start, tj.end)).toBe('[(Tj) -250 <0041> ( ET )] TJ');
  });

  it('reads the numbers of an operation in place', () => {
    const stream = 'BT 1 0 0 -1 72.5 .5 Tm\n-3.25\t+14 Td /F1 12 Tf';
    const [tm, td, tf] = operations(stream).filter((op) => op.operator !== 'BT');
    expect(numberOperands(stream, tm!.start, tm!.end - 2)).toEqual([1, 0, 0, -1, 72.5, 0.5]);
    expect(numberOperands(stream, td!.start, td!.end - 2)).toEqual([-3.25, 14]);
    expect(numberOperands(stream, tf!.start, tf!.end - 2)).toEqual([Number.NaN, 12]);
  });

  it('reads the last code shown as a whole decoding would', () => {
    for (const operands of [
      '<00410042>',
      '[<0041> -250 <00 4200 43>]',
      '[(a>b) -3 <0044>]',
      '[<0041> 5 (x<)]',
      '(\\101\\(B)',
      '[<004>]',
      '[(Tj) -250 <0041> ( ET )]',
      '<>',
    ]) {
      const whole = lastStringOperand(operands)!;
      for (const bytes of [1, 2]) {
        expect(lastShown(` ${operands} `, 1, operands.length + 1, bytes), `${operands}, ${bytes}`).toEqual({ last: whole.slice(-bytes), length: whole.length });
      }
    }
    expect(lastShown('12 0 Td', 0, 4, 2)).toBeUndefined();
  });
});

describe('marking what is painted outside the tags as artifacts', () => {
  it('leaves a stream whose painting is all tagged alone', () => {
    expect(markArtifacts('/P <</MCID 0>> BDC BT /F1 9 Tf (a) Tj ET EMC')).toBeUndefined();
    expect(markArtifacts('q 0 0 10 10 re W n Q')).toBeUndefined();
  });

  it('marks text inside its text object, from its first operand to the last text shown', () => {
    expect(markArtifacts('BT /F1 9 Tf 1 0 0 1 5 5 Tm <01> Tj 3 0 Td <02> Tj ET')).toBe(
      'BT /F1 9 Tf 1 0 0 1 5 5 Tm /Artifact BMC\n<01> Tj 3 0 Td <02> Tj \nEMC\nET',
    );
  });

  it('marks a path from its first operator to its painting, and an image with its operands', () => {
    expect(markArtifacts('.5 g 0 0 m 10 0 l S 1 1 5 5 re f q /Im1 Do Q')).toBe(
      '.5 g /Artifact BMC\n0 0 m 10 0 l S 1 1 5 5 re f \nEMC\nq /Artifact BMC\n/Im1 Do \nEMC\nQ',
    );
  });

  it('marks right-to-left text inside Chromium’s /ReversedChars, which neither tags nor hides it', () => {
    expect(markArtifacts('BT /ReversedChars BMC <0102> Tj EMC ET /P <</MCID 0>> BDC BT /ReversedChars BMC <03> Tj EMC ET EMC')).toBe(
      'BT /ReversedChars BMC /Artifact BMC\n<0102> Tj \nEMC\nEMC ET /P <</MCID 0>> BDC BT /ReversedChars BMC <03> Tj EMC ET EMC',
    );
  });

  it('never lets a sequence of its own cross a tag, a graphics state or a text object', () => {
    const marked = markArtifacts('q (a) Tj /P <</MCID 0>> BDC (b) Tj EMC (c) Tj Q BT (d) Tj ET');
    expect(marked).toBe('q /Artifact BMC\n(a) Tj \nEMC\n/P <</MCID 0>> BDC (b) Tj EMC /Artifact BMC\n(c) Tj \nEMC\nQ BT /Artifact BMC\n(d) Tj \nEMC\nET');
    // Balanced: every sequence it opens, it closes.
    const count = (op: string) => operators(marked!).filter((o) => o === op).length;
    expect(count('BMC') + count('BDC')).toBe(count('EMC'));
  });

  it('makes the marked content of a grouping or table element that paints neither text nor pictures an artifact (the rule over a page’s notes), and says which', () => {
    const stream = [
      '/NonStruct <</MCID 0>> BDC q 0 0 128 .66 re f Q EMC',
      '/NonStruct <</MCID 1>> BDC BT (note) Tj ET EMC',
      '/P <</MCID 2>> BDC 0 0 5 5 re f EMC',
      '/NonStruct <</MCID 3>> BDC q /Im1 Do Q EMC',
      '/TD <</MCID 4>> BDC /Span <</ActualText (x)>> BDC BT (x) Tj ET EMC EMC',
    ].join('\n');
    // Elements 0, 1, 3 and 4 group (NonStruct, TD); 2 is a paragraph, whose own content stays its own.
    const decoration = { grouping: (mcid: number) => mcid !== 2, taken: [] as number[] };
    const marked = markArtifacts(stream, decoration);
    expect(decoration.taken).toEqual([0]);
    expect(marked).toBe(stream.replace('/NonStruct <</MCID 0>> BDC', '/Artifact BMC'));
    // Without a say on the elements, the tagged content stays tagged.
    expect(markArtifacts(stream)).toBeUndefined();
  });
});

describe('tagged content made flat (Poppler ends tagged content at an inner sequence’s end)', () => {
  it('leaves tagged content that holds no other marked content alone', () => {
    expect(separateNestedContent('/P <</MCID 0>> BDC BT (a) Tj ET EMC /Artifact BMC (b) Tj EMC', 1)).toBeUndefined();
  });

  it('cuts tagged content around an ActualText span: before it, the span in a sequence of its own, after it; new MCIDs after the highest', () => {
    const stream = '/P <</MCID 0 >> BDC\nBT (d) Tj /Span<</ActualText (x)>> BDC (y) Tj EMC 2 0 Td (etat) Tj ET\nEMC /P <</MCID 4>> BDC BT (z) Tj ET EMC';
    const separated = separateNestedContent(stream, 1)!;
    expect(separated.text).toBe(
      '\nBT /P <</MCID 0 >> BDC\n(d) Tj \nEMC\n/P <</MCID 5 >> BDC\n/Span<</ActualText (x)>> BDC (y) Tj EMC\nEMC\n 2 0 Td /P <</MCID 6 >> BDC\n(etat) Tj \nEMC\nET\n /P <</MCID 4>> BDC BT (z) Tj ET EMC',
    );
    expect([...separated.split]).toEqual([[0, [0, 5, 6]]]);
    // Every painting operator is in tagged content; no tagged sequence holds another.
    let depth = 0;
    for (const { operator } of operations(separated.text)) {
      if (operator === 'BDC' || operator === 'BMC') depth++;
      if (operator === 'EMC') depth--;
      if (operator === 'Tj') expect(depth).toBeGreaterThan(0);
      expect(depth).toBeLessThanOrEqual(2);
    }
  });

  it('keeps right-to-left text’s /ReversedChars around the pieces when it holds ActualText spans, and leaves an inner artifact outside the tags', () => {
    const stream = 'BT /NonStruct <</MCID 2>> BDC /ReversedChars BMC (a) Tj /Span<</ActualText (b)>> BDC (c) Tj EMC (d) Tj EMC /Artifact BMC (e) Tj EMC EMC ET';
    const separated = separateNestedContent(stream, 3)!;
    expect(separated.text).toBe(
      'BT  /ReversedChars BMC /NonStruct <</MCID 2>> BDC\n(a) Tj \nEMC\n/NonStruct <</MCID 3>> BDC\n/Span<</ActualText (b)>> BDC (c) Tj EMC\nEMC\n /NonStruct <</MCID 4>> BDC\n(d) Tj \nEMC\nEMC /Artifact BMC (e) Tj EMC  ET',
    );
    expect([...separated.split]).toEqual([[2, [2, 3, 4]]]);
  });

  it('tags a path from its first operator, and gives up the MCID of tagged content that paints nothing', () => {
    const separated = separateNestedContent(
      '/Div <</MCID 0>> BDC 0 0 m 5 5 l S /Artifact BMC 1 1 5 5 re f EMC EMC /P <</MCID 1>> BDC /Artifact BMC (x) Tj EMC EMC',
      2,
    )!;
    expect(separated.text).toBe(' /Div <</MCID 0>> BDC\n0 0 m 5 5 l S \nEMC\n/Artifact BMC 1 1 5 5 re f EMC   /Artifact BMC (x) Tj EMC ');
    expect([...separated.split]).toEqual([[1, []]]);
  });
});

describe('a space where a line of tagged text wraps (Chromium draws none there)', () => {
  // (0001: a space; 0002: a hyphen.)
  const font: FontCodes = {
    bytes: 2,
    space: '\u0000\u0001',
    breaks: new Set(['\u0000\u0001', '\u0000\u0002']),
    hyphens: new Set(['\u0000\u0002']),
    unicode: new Map(),
  };
  const fonts = (name: string) => (name === 'F1' ? font : undefined);
  const line = (y: number, glyphs: string, x = 10) => `BT /F1 10 Tf 1 0 0 -1 ${x} ${y} Tm <${glyphs}> Tj ET`;

  it('ends each line that does not end a word with a space, in its tagged content', () => {
    const stream = `/P <</MCID 0>> BDC ${line(100, '0005')} ${line(115, '0006')} EMC`;
    expect(addLineEndSpaces(stream, fonts)?.text).toBe(
      '/P <</MCID 0>> BDC BT /F1 10 Tf 1 0 0 -1 10 100 Tm <0005> Tj\n<0001> Tj ET BT /F1 10 Tf 1 0 0 -1 10 115 Tm <0006> Tj\n<0001> Tj ET EMC',
    );
  });

  it('leaves a line that ends with a space or hyphen, one that goes on close by on its baseline, and untagged or reversed text alone', () => {
    expect(addLineEndSpaces(`/P <</MCID 0>> BDC ${line(100, '0002')} ${line(115, '0006')}\n<0001> Tj EMC`, fonts)).toBeUndefined();
    expect(addLineEndSpaces(`/P <</MCID 0>> BDC ${line(100, '0005')} ${line(100, '0006', 18)}\n<0001> Tj EMC`, fonts)).toBeUndefined();
    expect(addLineEndSpaces(`/Artifact BMC ${line(100, '0005')} ${line(115, '0006')} EMC`, fonts)).toBeUndefined();
    expect(addLineEndSpaces(`/P <</MCID 0>> BDC /ReversedChars BMC ${line(100, '0005')} EMC ${line(115, '0006')}\n<0001> Tj EMC`, fonts)).toBeUndefined();
  });

  it('adds no space inside a word of the book too long for its line (broken where no hyphen is drawn)', () => {
    // 0005 a, 0006 b, 0007 c, 0008 d.
    const letters = {
      ...font,
      unicode: new Map([' ', ...'abcd'].map((letter, i) => (i === 0 ? ['\u0000\u0001', ' '] : [`\u0000${String.fromCharCode(4 + i)}`, letter]))),
    };
    const fontsWithText = (name: string) => (name === 'F1' ? letters : undefined);
    const stream = `/P <</MCID 0>> BDC ${line(100, '000100050006')} ${line(115, '000700080001')} EMC`;
    const words = (...list: string[]) => bookWords([{ type: 'root', children: [{ type: 'text', value: list.join(' ') }] }]);
    // "ab|cd": one word of the book, "ab" none.
    expect(addLineEndSpaces(stream, fontsWithText, undefined, words('x', 'abcd', 'y'))).toBeUndefined();
    // "ab" is a word of its own: the line ended it.
    expect(addLineEndSpaces(stream, fontsWithText, undefined, words('ab', 'abcd'))?.text).toContain('<000100050006> Tj\n<0001> Tj');
    // "abcd" is no word of the book (nor in one): two words.
    expect(addLineEndSpaces(stream, fontsWithText, undefined, words('abc', 'cd'))?.text).toContain('<000100050006> Tj\n<0001> Tj');
    // Without the book's words, as before.
    expect(addLineEndSpaces(stream, fontsWithText)?.text).toContain('<000100050006> Tj\n<0001> Tj');
  });

  it('draws the space in another of the page’s fonts where the line’s own has none (a subset of Cyrillic or Greek)', () => {
    const noSpace: FontCodes = { ...font, space: undefined, breaks: new Set(), hyphens: new Set() };
    const twoFonts = (name: string) => (name === 'F1' ? font : name === 'F2' ? noSpace : undefined);
    const stream = `/P <</MCID 0>> BDC ${line(100, '0005')} BT /F2 9 Tf 1 0 0 -1 10 115 Tm <0006> Tj ET BT /F2 9 Tf 1 0 0 -1 10 130 Tm <0007> Tj ET EMC`;
    const spaced = addLineEndSpaces(stream, twoFonts)?.text;
    expect(spaced).toContain('<0006> Tj\n/F1 10 Tf <0001> Tj /F2 9 Tf ET');
  });

  it('gives a dash or slash that stands between spaces in the book its space back at a line’s end, not one inside a word', () => {
    const letters = { ...font, unicode: new Map([' ', '-', ...'abcd'].map((letter, i) => [`\u0000${String.fromCharCode(i < 2 ? i + 1 : i + 3)}`, letter])) };
    const fontsWithText = (name: string) => (name === 'F1' ? letters : undefined);
    // "ab -" | "cd": the dash stands alone in "ab - cd"; "ab-" | "cd" is "ab-cd".
    const stream = (glyphs: string) => `/P <</MCID 0>> BDC ${line(100, glyphs)} ${line(115, '00070008')} EMC`;
    const book = (text: string) => bookWords([{ type: 'root', children: [{ type: 'text', value: text }] }]);
    expect(addLineEndSpaces(stream('0005000600010002'), fontsWithText, undefined, book('ab - cd'))?.text).toContain('<0005000600010002> Tj\n<0001> Tj');
    expect(addLineEndSpaces(stream('000500060002'), fontsWithText, undefined, book('ab-cd'))?.text).toContain('<000500060002> Tj ET');
  });

  it('reads a word broken over three lines whole: the middle line is all of one piece of it', () => {
    // 0005 a … 000a f.
    const letters = {
      ...font,
      unicode: new Map([' ', ...'abcdef'].map((letter, i) => (i === 0 ? ['\u0000\u0001', ' '] : [`\u0000${String.fromCharCode(4 + i)}`, letter]))),
    };
    const fontsWithText = (name: string) => (name === 'F1' ? letters : undefined);
    const stream = `/P <</MCID 0>> BDC ${line(100, '000100050006')} ${line(115, '00070008')} ${line(130, '0009000a0001')} EMC`;
    const book = (text: string) => bookWords([{ type: 'root', children: [{ type: 'text', value: text }] }]);
    expect(addLineEndSpaces(stream, fontsWithText, undefined, book('x abcdef y'))).toBeUndefined();
    // "abcd" alone is found, but not where a word ends: two spaces, as without the words.
    expect(addLineEndSpaces(stream, fontsWithText, undefined, book('x abcdz ef'))?.text).toBe(addLineEndSpaces(stream, fontsWithText)?.text);
  });

  it('finds a word of the book however it is split over elements, and without its soft hyphens', () => {
    const words = bookWords([
      {
        type: 'root',
        children: [
          { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'see https://example.org/long' }] },
          { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'path/to/it; ano\u00adther' }] },
        ],
      },
    ]);
    // A line's last word and the next line's first (each line holding a space too): a word's pieces from its start to its end.
    const goOn = (book: typeof words, tail: string, head: string, open = false) => book.goOn({ text: tail, open }, { text: head, open });
    expect(goOn(words, 'https://exam', 'ple.org/long')).toBe(true);
    expect(goOn(words, 'ano', 'ther')).toBe(true);
    expect(goOn(words, 'exam', 'ple.org/long')).toBe(false);
    expect(goOn(words, 'https://exam', 'ple.org')).toBe(false);
    // Two blocks are two words.
    expect(goOn(words, 'https://example.org/long', 'path/to/it;')).toBe(false);
    expect(goOn(words, 'see', 'https://example.org/long')).toBe(false);
    expect(goOn(words, '', 'ple')).toBe(false);
    // "km/h" ends a line of its own, "Jean-Luc" too: not "km/his", "Jean-Lucas".
    const names = bookWords([{ type: 'root', children: [{ type: 'text', value: 'at 50 km/h is his; Jean-Luc as Lucas' }] }]);
    expect(goOn(names, 'km/h', 'is')).toBe(false);
    expect(goOn(names, 'Jean-Luc', 'as')).toBe(false);
    expect(names.has('km/h')).toBe(true);
    // A piece cut short may go on beyond; at a page's end, a word that goes on.
    const years = bookWords([{ type: 'root', children: [{ type: 'text', value: 'from 1805 to 2005-06 and abcdefghij' }] }]);
    expect(goOn(years, 'cdefg', 'h')).toBe(false);
    expect(goOn(years, 'cdefg', 'hij', true)).toBe(true);
    expect(years.goOn({ text: 'abcde', open: false }, undefined)).toBe(true);
    expect(years.goOn({ text: 'abcdefghij', open: false }, undefined)).toBe(false);
    expect(years.goOn({ text: '2005', open: false }, undefined)).toBe(true);
    expect(years.goOn({ text: 'from', open: false }, undefined)).toBe(false);
  });

  it('treats text far along the same baseline (past the contents’ leaders) as another word', () => {
    const spaced = addLineEndSpaces(`/Link <</MCID 0>> BDC ${line(100, '0005')} ${line(100, '0006', 300)}\n<0001> Tj EMC`, fonts);
    expect(spaced?.text).toContain('<0005> Tj\n<0001> Tj ET');
  });

  it('makes the hyphen Chromium draws where it breaks a word an artifact, and reads the word whole (no space)', () => {
    const hyphen = (y: number, x: number) => `BT /F1 10 Tf 1 0 0 -1 ${x} ${y} Tm <0002> Tj ET`;
    const stream = `/P <</MCID 0>> BDC ${line(100, '0005')} EMC /P <</MCID 1>> BDC ${hyphen(100, 20)} EMC /P <</MCID 2>> BDC ${line(115, '0006')} EMC`;
    const result = addLineEndSpaces(stream, fonts);
    expect(result?.hyphens).toEqual([1]);
    expect(result?.text).toBe(
      `/P <</MCID 0>> BDC ${line(100, '0005')} EMC /Artifact BMC ${hyphen(100, 20)} EMC /P <</MCID 2>> BDC ${line(115, '0006').replace(' ET', '\n<0001> Tj ET')} EMC`,
    );
  });

  it('keeps a hyphen of the text: one in the line’s own sequence, one after a space, one the line goes on after', () => {
    const hyphen = (y: number, x: number) => `BT /F1 10 Tf 1 0 0 -1 ${x} ${y} Tm <0002> Tj ET`;
    const inLine = addLineEndSpaces(`/P <</MCID 0>> BDC ${line(100, '0005')} ${hyphen(100, 20)} EMC /P <</MCID 1>> BDC ${line(115, '0006')} EMC`, fonts);
    expect(inLine?.hyphens ?? []).toEqual([]);
    const afterSpace = addLineEndSpaces(
      `/P <</MCID 0>> BDC ${line(100, '0001')} EMC /P <</MCID 1>> BDC ${hyphen(100, 20)} EMC /P <</MCID 2>> BDC ${line(115, '0006')} EMC`,
      fonts,
    );
    expect(afterSpace?.hyphens ?? []).toEqual([]);
    const goesOn = addLineEndSpaces(
      `/P <</MCID 0>> BDC ${line(100, '0005')} EMC /P <</MCID 1>> BDC ${hyphen(100, 20)} EMC /P <</MCID 2>> BDC ${line(100, '0006', 30)} EMC`,
      fonts,
    );
    expect(goesOn?.hyphens ?? []).toEqual([]);
  });
});

describe('right-to-left lines read in order (Chromium tags their pieces in the order it draws them, left to right)', () => {
  // (x: a Hebrew letter; a: a Latin one; _: a space.)
  const font: FontCodes = {
    bytes: 1,
    space: '_',
    breaks: new Set(['_']),
    hyphens: new Set(),
    unicode: new Map([
      ['x', 'ש'],
      ['a', 'a'],
      ['_', ' '],
      [',', '،'],
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
      ['4', '٤'],
    ]),
  };
  const fonts = (name: string) => (name === 'F1' ? font : undefined);
  const piece = (mcid: number, x: number, glyph: string, reversed: boolean, y = 100) =>
    `/P <</MCID ${mcid}>> BDC BT /F1 10 Tf 1 0 0 -1 ${x} ${y} Tm ${reversed ? '/ReversedChars BMC ' : ''}(${glyph}) Tj ${reversed ? 'EMC ' : ''}ET EMC`;
  const paragraph = (rightToLeft: boolean) => ({ ownerOf: () => 'p', blockOf: () => 'p', rightToLeft: () => rightToLeft, continues: () => false });

  it('reads the pieces of a right-to-left line from the right, a left-to-right run in it (a number, Latin words) in its own order', () => {
    const stream = [
      piece(0, 10, 'x', true),
      piece(1, 20, '_', false),
      piece(2, 30, 'a', false),
      piece(3, 40, '_', false),
      piece(4, 50, 'a', false),
      piece(5, 60, '_', false),
      piece(6, 70, 'x', true),
    ].join(' ');
    expect(readRightToLeft(stream, fonts, paragraph(true))?.lines).toEqual([[6, 5, 2, 3, 4, 1, 0]]);
    // In a left-to-right paragraph, only the right-to-left run is read from its right.
    const inEnglish = [piece(0, 10, 'a', false), piece(1, 20, '_', false), piece(2, 30, 'x', true), piece(3, 40, '_', false), piece(4, 50, 'x', true)].join(
      ' ',
    );
    expect(readRightToLeft(inEnglish, fonts, paragraph(false))?.lines).toEqual([[0, 1, 4, 3, 2]]);
    // Nothing right to left: nothing to do.
    expect(readRightToLeft(piece(0, 10, 'a', false), fonts, paragraph(true))).toBeUndefined();
  });

  it('reads numbers apart by punctuation in a right-to-left line each in their place (they act as right to left on what is between them)', () => {
    // "x 1، 2، 3" as drawn: 3، 2، 1 x from the left.
    const stream = [
      piece(0, 10, '3', false),
      piece(1, 20, ',', false),
      piece(2, 30, '2', false),
      piece(3, 40, ',', false),
      piece(4, 50, '1', false),
      piece(5, 60, '_', false),
      piece(6, 70, 'x', true),
    ].join(' ');
    expect(readRightToLeft(stream, fonts, paragraph(true))?.lines).toEqual([[6, 5, 4, 3, 2, 1, 0]]);
  });

  it('reads a right-to-left contents entry’s title, then its page far to the left, with a space between', () => {
    // "x 12" and, past the leaders, page 3.
    const stream = [piece(0, 10, '3', false), piece(1, 100, '1', false), piece(2, 106, '2', false), piece(3, 112, '_', false), piece(4, 120, 'x', true)].join(
      ' ',
    );
    const result = readRightToLeft(stream, fonts, paragraph(true))!;
    expect(result.lines).toEqual([[4, 3, 1, 2, 0]]);
    expect(result.text).toContain('(2) Tj\n<5f> Tj ET');
  });

  it('reads a one-letter right-to-left word Chromium drew without the mark as right to left, and marks a piece of such runs reversed', () => {
    // "x 1 y" (x, y: Hebrew letters; each a run of one glyph, unmarked), drawn: y 1 x.
    const stream = [piece(0, 10, 'x', false), piece(1, 20, '_', false), piece(2, 30, '1', false), piece(3, 40, '_', false), piece(4, 50, 'x', false)].join(' ');
    expect(readRightToLeft(stream.replace('(x) Tj', '/ReversedChars BMC (x) Tj EMC'), fonts, paragraph(true))?.lines).toEqual([[4, 3, 2, 1, 0]]);
    // A piece of two such runs (a letter and a space), in visual order: marked reversed, around its content.
    const two = `/P <</MCID 0>> BDC BT /F1 10 Tf 1 0 0 -1 10 100 Tm (x) Tj 5 0 Td (_) Tj ET EMC ${piece(1, 30, 'xx', true)}`;
    // Arabic-Indic digits are drawn in their own order (left to right): not marked.
    const digits = `/P <</MCID 0>> BDC BT /F1 10 Tf 1 0 0 -1 10 100 Tm (4) Tj 5 0 Td (4) Tj ET EMC ${piece(1, 30, 'xx', true)}`;
    expect(readRightToLeft(digits, fonts, paragraph(true))?.text ?? digits).toContain('/P <</MCID 0>> BDC BT');
    expect(readRightToLeft(two, fonts, paragraph(true))?.text).toContain(
      '/P <</MCID 0>> BDC\n/ReversedChars BMC\n BT /F1 10 Tf 1 0 0 -1 10 100 Tm (x) Tj 5 0 Td (_) Tj ET \nEMC\nEMC',
    );
  });

  it('ends a wrapped right-to-left line with a space, drawn first in its last piece read (reversed), its glyph placed again', () => {
    const stream = [piece(0, 10, 'x', true), piece(1, 30, 'x', true), piece(2, 10, 'x', true, 115)].join(' ');
    const result = readRightToLeft(stream, fonts, paragraph(true))!;
    expect(result.lines).toEqual([[1, 0]]);
    // Piece 0 is read last on the first line: its first glyph is read last.
    expect(result.text).toContain('/P <</MCID 0>> BDC BT /F1 10 Tf 1 0 0 -1 10 100 Tm /ReversedChars BMC <5f> Tj\n1 0 0 -1 10 100 Tm\n(x) Tj EMC');
    // The paragraph's last line has none.
    expect(result.text).toContain('/P <</MCID 2>> BDC BT /F1 10 Tf 1 0 0 -1 10 115 Tm /ReversedChars BMC (x) Tj EMC');
  });
});
