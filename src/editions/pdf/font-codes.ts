import { PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { resolve, streamBytes } from './pdf-trees.js';

/** What a page's text needs to know of a font: how long its codes are, its space, and which codes end a word already. */
export interface FontCodes {
  /** Bytes a character code takes (2 for the composite fonts Chromium writes, 1 for simple ones). */
  bytes: 1 | 2;
  /** The code of U+0020, as the bytes of a string (Latin-1), if the font has one. */
  space: string | undefined;
  /** Codes of characters after which a line needs no space: spaces, hyphens and dashes, a soft hyphen. */
  breaks: Set<string>;
  /** Codes of hyphens (U+002D, U+2010, a soft hyphen): what Chromium draws where it breaks a word at a line's end. */
  hyphens: Set<string>;
  /** The text of each code, as the font's `/ToUnicode` map gives it. */
  unicode: Map<string, string>;
}

/** Characters a line may end with without a space after it. */
const ENDS_WORD = /^[\s\u00ad\u2010-\u2015\u2212\u200b\u2060\u00a0\u3000\u30fc\u002d/]$/u;
/** Characters Chromium may draw as the hyphen of a word broken at a line's end (`hyphenate-character`). */
const HYPHEN = /^[\u002d\u2010\u00ad]$/u;

/**
 * The codes of a page's fonts (its `/Resources /Font`), read from their
 * `/ToUnicode` maps, by resource name; `cache` keeps each font's between pages.
 */
export function pageFonts(
  pdf: PDFDocument,
  resources: PDFObject | undefined,
  cache: Map<PDFObject, FontCodes | undefined>,
): (name: string) => FontCodes | undefined {
  const { context } = pdf;
  const held = resolve(context, resources);
  const fonts = held instanceof PDFDict ? resolve(context, held.get(PDFName.of('Font'))) : undefined;
  return (name) => {
    if (!(fonts instanceof PDFDict)) return undefined;
    const entry = fonts.get(PDFName.of(name));
    const key = entry instanceof PDFRef ? entry : undefined;
    if (key && cache.has(key)) return cache.get(key);
    const font = resolve(context, entry);
    const codes = font instanceof PDFDict ? fontCodes(context, font) : undefined;
    if (key) cache.set(key, codes);
    return codes;
  };
}

/** A font's codes from its `/ToUnicode` map (bfchar and bfrange entries). */
function fontCodes(context: PDFDocument['context'], font: PDFDict): FontCodes | undefined {
  const map = resolve(context, font.get(PDFName.of('ToUnicode')));
  if (!(map instanceof PDFRawStream)) return undefined;
  const bytes = font.get(PDFName.of('Subtype')) === PDFName.of('Type0') ? 2 : 1;
  const cmap = Buffer.from(streamBytes(map)).toString('latin1');
  const codes: FontCodes = { bytes, space: undefined, breaks: new Set(), hyphens: new Set(), unicode: new Map() };
  const note = (code: string, unicode: string) => {
    const character = Buffer.from(unicode.length % 4 ? unicode.padStart(4, '0') : unicode, 'hex')
      .swap16()
      .toString('utf16le');
    const key = Buffer.from(code.padStart(bytes * 2, '0'), 'hex').toString('latin1');
    codes.unicode.set(key, character);
    if (character === ' ' && codes.space === undefined) codes.space = key;
    if (ENDS_WORD.test(character)) codes.breaks.add(key);
    if (HYPHEN.test(character)) codes.hyphens.add(key);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) note(code!, unicode!);
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = Number.parseInt(low!, 16);
      const to = Number.parseInt(high!, 16);
      const base = Number.parseInt(target!, 16);
      for (let c = from; c <= to && c - from < 256; c++) note(c.toString(16), (base + c - from).toString(16).padStart(target!.length, '0'));
    }
  }
  return codes;
}
