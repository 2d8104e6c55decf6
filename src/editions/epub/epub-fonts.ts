import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { shippedFamilies } from '../shared/font-families.js';
import { fontPackageDir } from '../shared/fonts.js';
import type { TextFamily } from '../../shared/text-families.js';

/** The @fontsource package of a shipped family. */
const packageOf = (family: TextFamily): string => shippedFamilies.find((f) => f.family === family)!.pkg;

/** A font file embedded in the e-book. */
export interface EmbeddedFont {
  /** Href relative to the package document. */
  href: string;
  data: Uint8Array;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  unicodeRange: string;
}

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF';
const ARABIC =
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';

/**
 * The text's family (regular, italic, bold; Latin and Latin Extended), the
 * headings' family when the book names one of its own (regular and bold), plus
 * Amiri when the text has Arabic script. By default headings and tables use the
 * reader's sans.
 */
export async function epubFonts(text: string, families: { body: TextFamily; headings: TextFamily | undefined }): Promise<EmbeddedFont[]> {
  const wanted: Array<[pkg: string, family: string, subset: string, range: string, weight: number, style: 'normal' | 'italic']> = [];
  const faces: Array<[family: TextFamily, weight: number, style: 'normal' | 'italic']> = [
    [families.body, 400, 'normal'],
    [families.body, 400, 'italic'],
    [families.body, 700, 'normal'],
  ];
  if (families.headings && families.headings !== families.body) faces.push([families.headings, 400, 'normal'], [families.headings, 700, 'normal']);
  for (const [subset, range] of [
    ['latin', LATIN],
    ['latin-ext', LATIN_EXT],
  ] as const) {
    for (const [family, weight, style] of faces) wanted.push([packageOf(family), family, subset, range, weight, style]);
  }
  if (/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(text)) {
    wanted.push(['amiri', 'Amiri', 'arabic', ARABIC, 400, 'normal']);
    wanted.push(['amiri', 'Amiri', 'arabic', ARABIC, 700, 'normal']);
  }
  return Promise.all(
    wanted.map(async ([pkg, family, subset, unicodeRange, weight, style]) => {
      const name = `${pkg}-${subset}-${weight}-${style}.woff2`;
      const data = await readFile(path.join(fontPackageDir(pkg), 'files', name));
      return { href: `fonts/${name}`, data, family, weight, style, unicodeRange };
    }),
  );
}

/** `@font-face` rules for the embedded fonts, as seen from `styles/`. */
export function fontFaceRules(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face {\n  font-family: '${f.family}';\n  font-style: ${f.style};\n  font-weight: ${f.weight};\n  src: url(../${f.href}) format('woff2');\n  unicode-range: ${f.unicodeRange};\n}`,
    )
    .join('\n');
}
