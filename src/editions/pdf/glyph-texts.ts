import { PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { applyEdits, operations, shownBytes, TEXT_SHOWING } from './content-stream.js';
import { type FontCodes, pageFonts } from './font-codes.js';
import type { PageText, PageTexts } from './page-texts.js';
import { resolve } from './pdf-trees.js';

/** A `/Span` that gives the text of what it draws (`/ActualText <FEFF…>`), one character. */
const ACTUAL_TEXT = /^\/Span\s*<<\s*\/ActualText\s*<FEFF((?:[0-9A-Fa-f]{4}){1,2})>\s*>>\s*BDC$/;

interface Span {
  /** Where its `BDC` (with its operands) and its `EMC` are in the page's text. */
  open: readonly [number, number];
  close: readonly [number, number];
  text: string;
  /** The glyphs it draws: font and code. */
  shown: Array<[PDFRef, string]>;
}

/**
 * Chromium's `/ToUnicode` map gives one text for each glyph of a font: the first
 * character the font draws with it (U+02BC for the glyph of both `ʼ` and `’`,
 * U+02BB for that of `ʻ` and `‘`), and every use of the glyph for another
 * character is wrapped in a `/Span` with an `/ActualText`. Readers that take the
 * text from the map — Poppler's structure text (`pdfinfo -struct-text`), the
 * search and copy of browsers' viewers — read “ʻquotesʼ” and “donʼt”.
 * Where every use of a glyph in a part is so wrapped, each for the same one
 * character, the map gives that character and the wrappings go. A glyph used
 * for both characters keeps the map and its wrappings, and fonts that pictures
 * (form XObjects) draw with are left as they are.
 */
export function settleGlyphTexts(pdf: PDFDocument, texts: PageTexts): void {
  const pages = pdf.getPages().flatMap((page) => {
    const entry = texts.get(page.node);
    return entry ? [{ page, entry }] : [];
  });
  if (!pages.some(({ entry }) => entry.text.includes('/ActualText'))) return;
  const fonts = new Map<PDFObject, FontCodes | undefined>();
  const drawnInPictures = formFonts(pdf);
  const spansOf = new Map<PageText, Span[]>();
  /** Per font and code: the text its wrappings give, or `null` where it is drawn unwrapped (or with others). */
  const found = new Map<PDFRef, Map<string, string | null>>();
  const note = (font: PDFRef, code: string, text: string | null) => {
    const codes = found.get(font) ?? new Map<string, string | null>();
    found.set(font, codes);
    const known = codes.get(code);
    codes.set(code, known === undefined || known === text ? text : null);
  };
  // Candidates first, from the pages with wrappings; then every use of a candidate's code.
  for (const { page, entry } of pages) if (entry.text.includes('/ActualText')) spansOf.set(entry, readSpans(pdf, page, entry.text, fonts, note));
  const candidates = [...found.values()].flatMap((codes) => [...codes.keys()].map((code) => Buffer.from(code, 'latin1').toString('hex').toUpperCase()));
  if (candidates.length === 0) return;
  for (const { page, entry } of pages) {
    if (mayHold(entry.text, candidates)) readSpans(pdf, page, entry.text, fonts, note, candidates);
  }
  const settled = (font: PDFRef, code: string, text: string) => !drawnInPictures.has(font) && found.get(font)?.get(code) === text;
  for (const [entry, spans] of spansOf) {
    const edits = spans
      .filter((span) => span.shown.length === 1 && settled(span.shown[0]![0], span.shown[0]![1], span.text))
      .flatMap((span) => [[...span.open, ''] as const, [...span.close, ''] as const])
      .sort((a, b) => a[0] - b[0]);
    if (edits.length === 0) continue;
    entry.text = applyEdits(entry.text, edits);
    entry.changed = true;
  }
  const { context } = pdf;
  for (const [font, codes] of found) {
    const changed = [...codes].filter((entry): entry is [string, string] => entry[1] !== null && !drawnInPictures.has(font));
    const known = fonts.get(font);
    if (changed.length === 0 || !known) continue;
    const map = new Map(known.unicode);
    for (const [code, text] of changed) map.set(code, text);
    const dict = context.lookup(font);
    if (dict instanceof PDFDict) dict.set(PDFName.of('ToUnicode'), context.register(context.flateStream(toUnicodeMap(map, known.bytes))));
  }
}

/**
 * The wrappings of a page's text and the glyphs they draw, each glyph's text
 * given to `note`; with `candidates` (codes in hex), only the glyphs drawn outside
 * one-glyph wrappings (their text `null`).
 */
function readSpans(
  pdf: PDFDocument,
  page: ReturnType<PDFDocument['getPages']>[number],
  text: string,
  fonts: Map<PDFObject, FontCodes | undefined>,
  note: (font: PDFRef, code: string, text: string | null) => void,
  candidates?: readonly string[],
): Span[] {
  const bare = candidates !== undefined;
  const resources = resolve(pdf.context, page.node.get(PDFName.of('Resources')));
  const fontDict = resources instanceof PDFDict ? resolve(pdf.context, resources.get(PDFName.of('Font'))) : undefined;
  const codesOf = pageFonts(pdf, page.node.Resources(), fonts);
  const spans: Span[] = [];
  const open: Array<Span | undefined> = [];
  let font: { ref: PDFRef; codes: FontCodes } | undefined;
  for (const op of operations(text)) {
    if (op.operator === 'Tf') {
      const name = /^\/(\S+)/.exec(text.slice(op.start, op.end))?.[1] ?? '';
      const ref = fontDict instanceof PDFDict ? fontDict.get(PDFName.of(name)) : undefined;
      const codes = codesOf(name);
      font = ref instanceof PDFRef && codes ? { ref, codes } : undefined;
    } else if (op.operator === 'BDC' || op.operator === 'BMC') {
      const match = ACTUAL_TEXT.exec(text.slice(op.start, op.end));
      open.push(match ? { open: [op.start, op.end], close: [0, 0], text: Buffer.from(match[1]!, 'hex').swap16().toString('utf16le'), shown: [] } : undefined);
    } else if (op.operator === 'EMC') {
      const span = open.pop();
      if (!span) continue;
      span.close = [op.start, op.end];
      spans.push(span);
      if (!bare && span.shown.length === 1) note(span.shown[0]![0], span.shown[0]![1], span.text);
    } else if (TEXT_SHOWING.has(op.operator) && font) {
      const span = open.findLast((entry) => entry !== undefined);
      // (Looking for unwrapped uses, only the strings that may hold a candidate are read.)
      // (A match across two codes is read and let go.)
      if (!span && (!bare || !mayHold(text.slice(op.start, op.end), candidates))) continue;
      const shown = shownBytes(text, op.start, op.end);
      for (let i = 0; i < shown.length; i += font.codes.bytes) {
        const code = shown.slice(i, i + font.codes.bytes);
        if (span) span.shown.push([font.ref, code]);
        else if (bare) note(font.ref, code, null);
      }
    }
  }
  // (A wrapping of several glyphs leaves each of them as it is.)
  if (bare) for (const span of spans) if (span.shown.length > 1) for (const [ref, code] of span.shown) note(ref, code, null);
  return spans;
}

/** Whether `text` may show one of the codes `hexes` (hex digits in capitals; Chromium writes no others, but either is read). */
const mayHold = (text: string, hexes: readonly string[]) => hexes.some((hex) => text.includes(hex) || text.includes(hex.toLowerCase()));

/** The fonts form XObjects (pictures: an SVG's text) draw with, whose text is not read here. */
function formFonts(pdf: PDFDocument): Set<PDFRef> {
  const found = new Set<PDFRef>();
  const seen = new Set<PDFObject>();
  const visit = (resources: PDFObject | undefined, inForm: boolean) => {
    const dict = resolve(pdf.context, resources);
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const fonts = resolve(pdf.context, dict.get(PDFName.of('Font')));
    if (inForm && fonts instanceof PDFDict) for (const value of fonts.values()) if (value instanceof PDFRef) found.add(value);
    const objects = resolve(pdf.context, dict.get(PDFName.of('XObject')));
    if (objects instanceof PDFDict) {
      for (const value of objects.values()) {
        const form = resolve(pdf.context, value);
        if (form instanceof PDFRawStream) visit(form.dict.get(PDFName.of('Resources')), true);
      }
    }
  };
  for (const page of pdf.getPages()) visit(page.node.get(PDFName.of('Resources')), false);
  return found;
}

/** A `/ToUnicode` CMap (ISO 32000-1, 9.10.3) of `map`: codes (Latin-1 bytes) to their text. */
function toUnicodeMap(map: ReadonlyMap<string, string>, bytes: 1 | 2): string {
  const hex = (value: string, encoding: 'latin1' | 'utf16le') =>
    (encoding === 'utf16le' ? Buffer.from(value, 'utf16le').swap16() : Buffer.from(value, 'latin1')).toString('hex').toUpperCase();
  const entries = [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, text]) => `<${hex(code, 'latin1')}> <${hex(text, 'utf16le')}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  const range = bytes === 2 ? '<0000> <FFFF>' : '<00> <FF>';
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    `1 begincodespacerange\n${range}\nendcodespacerange`,
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
