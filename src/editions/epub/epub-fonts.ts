import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { shippedFamilyOf } from '../shared/font-families.js';
import { covers, faceCssFile, fontPackageDir, fontsourceRules } from '../shared/fonts.js';
import type { TextFamily } from '../../shared/text-families.js';

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

const ARABIC =
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';

/**
 * The text's family (regular, italic, bold), the headings' family when the book
 * names one of its own (regular and bold): Latin and Latin Extended, and the
 * family's other alphabets (Greek, Cyrillic, Vietnamese) the text has; plus Amiri
 * when the text has Arabic script. By default headings and tables use the
 * reader's sans.
 */
export async function epubFonts(text: string, families: { body: TextFamily; headings: TextFamily | undefined }): Promise<EmbeddedFont[]> {
  const codePoints = new Set([...text].map((ch) => ch.codePointAt(0)!));
  const faces: Array<[family: TextFamily, weight: number, style: 'normal' | 'italic']> = [
    [families.body, 400, 'normal'],
    [families.body, 400, 'italic'],
    [families.body, 700, 'normal'],
  ];
  if (families.headings && families.headings !== families.body) faces.push([families.headings, 400, 'normal'], [families.headings, 700, 'normal']);
  // Each face's subsets, read once; embedded Latin for every face, then Latin Extended, then the other alphabets the text has.
  const read = await Promise.all(
    faces.map(async ([family, weight, style]) => {
      const { pkg } = shippedFamilyOf(family);
      return { pkg, family, weight, style, subsets: await subsetFaces(pkg, weight, style) };
    }),
  );
  const wanted: Array<[pkg: string, family: string, file: string, range: string, weight: number, style: 'normal' | 'italic']> = [];
  for (const pass of ['latin', 'latin-ext', 'other'] as const) {
    for (const { pkg, family, weight, style, subsets } of read) {
      for (const face of subsets) {
        const always = face.subset === 'latin' || face.subset === 'latin-ext';
        if (pass === 'other' ? !always && covers(face.range, codePoints) : face.subset === pass) {
          wanted.push([pkg, family, face.file, face.range, weight, style]);
        }
      }
    }
  }
  if (/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(text)) {
    wanted.push(['amiri', 'Amiri', 'amiri-arabic-400-normal.woff2', ARABIC, 400, 'normal']);
    wanted.push(['amiri', 'Amiri', 'amiri-arabic-700-normal.woff2', ARABIC, 700, 'normal']);
  }
  return Promise.all(
    wanted.map(async ([pkg, family, name, unicodeRange, weight, style]) => {
      const data = await readFile(path.join(fontPackageDir(pkg), 'files', name));
      return { href: `fonts/${name}`, data, family, weight, style, unicodeRange };
    }),
  );
}

/** The subsets of one face of a package, from its @fontsource CSS: file, subset name and `unicode-range`. */
async function subsetFaces(pkg: string, weight: number, style: 'normal' | 'italic'): Promise<Array<{ file: string; subset: string; range: string }>> {
  return (await fontsourceRules(pkg, faceCssFile(weight, style))).flatMap(({ file, range }) => {
    const subset = file?.slice(pkg.length + 1).replace(/-\d+-(normal|italic)\.woff2$/, '');
    return file && range && subset ? [{ file, subset, range: range.replace(/\s+/g, '') }] : [];
  });
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
