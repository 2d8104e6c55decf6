import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextFamily } from '../../shared/text-families.js';
import { shippedFamilyOf } from './font-families.js';

const require = createRequire(import.meta.url);

/**
 * The @fontsource faces the print edition embeds in its page (the style sheets
 * name them first): body serif, sans for headings and tables, and Amiri's Arabic
 * (whose text layer gives Arabic words back whole, which Noto Naskh's does not).
 * The other shipped fonts reach the page as the browser's system fonts.
 */
export const fontFaces: ReadonlyArray<{ pkg: string; files: readonly string[]; subset?: string }> = [
  { pkg: 'source-serif-4', files: ['400.css', '400-italic.css', '600.css', '600-italic.css', '700.css', '700-italic.css'] },
  { pkg: 'source-sans-3', files: ['400.css', '400-italic.css', '600.css', '700.css'] },
  { pkg: 'amiri', files: ['400.css', '400-italic.css', '700.css', '700-italic.css'], subset: 'arabic' },
];

/** Every face of a shipped family a book sets its text or headings in (`font` in book.yaml, or its theme). */
function familyFaces(family: TextFamily): { pkg: string; files: string[]; subset?: string } {
  const shipped = shippedFamilyOf(family);
  return { pkg: shipped.pkg, files: shipped.weights.flatMap((weight) => shipped.styles.map((style) => faceCssFile(weight, style))) };
}

/** The CSS file of one face of an @fontsource package: `400.css`, `400-italic.css`. */
export const faceCssFile = (weight: number, style: 'normal' | 'italic'): string => (style === 'italic' ? `${weight}-italic.css` : `${weight}.css`);

/** The @font-face rules of one of an @fontsource package's CSS files, each with its WOFF2 file and `unicode-range` where it has them. */
export async function fontsourceRules(pkg: string, cssFile: string): Promise<Array<{ rule: string; file?: string | undefined; range?: string | undefined }>> {
  const css = await readFile(path.join(fontPackageDir(pkg), cssFile), 'utf8');
  return (css.match(/@font-face\s*{[^}]*}/g) ?? []).map((rule) => ({
    rule,
    file: /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1],
    range: /unicode-range:\s*([^;]+);/.exec(rule)?.[1],
  }));
}

/** The folder of an @fontsource package. */
export const fontPackageDir = (pkg: string): string => path.dirname(require.resolve(`@fontsource/${pkg}/package.json`));

/**
 * The @font-face rules of every face, with their `url(./files/…)` rewritten
 * through `rewrite`. Each package's subsets keep their
 * `unicode-range`, so only the scripts a book uses are loaded and embedded.
 */
export async function fontFaceCss(
  /** The URL of a font file in the CSS (a data URI, a relative path, …). */
  rewrite: (pkg: string, file: string) => string | Promise<string>,
  /** Only faces whose `unicode-range` covers one of these code points (default: all). */
  codePoints?: ReadonlySet<number>,
  /**
   * The book's own families, embedded too: as system fonts each of their subsets
   * (Latin, Greek, Cyrillic, …) would be a face of its own, and the browser would take
   * a letter missing from the first one from another family.
   */
  families: readonly TextFamily[] = [],
): Promise<string> {
  const parts: string[] = [];
  const faces = [...fontFaces, ...families.map(familyFaces).filter((face) => !fontFaces.some((f) => f.pkg === face.pkg))];
  for (const face of faces) {
    for (const cssFile of face.files) {
      for (const { rule, file, range } of await fontsourceRules(face.pkg, cssFile)) {
        if (codePoints && range && !covers(range, codePoints)) continue;
        // Only woff2: every browser Galley drives reads it, and one format keeps rules short.
        const woff2 = rule.replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '').replace(/font-display: swap;/g, 'font-display: block;');
        if (face.subset !== undefined && !file?.startsWith(`${face.pkg}-${face.subset}-`)) continue;
        parts.push(file ? woff2.replace(`url(./files/${file})`, `url(${await rewrite(face.pkg, file)})`) : woff2);
      }
    }
  }
  return parts.join('\n');
}

/** Whether a CSS `unicode-range` (`U+0000-00FF,U+0131,…`) covers any of the code points. */
export function covers(range: string, codePoints: ReadonlySet<number>): boolean {
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!.replace(/\?/g, '0'), 16);
    const end = to !== undefined ? parseInt(to, 16) : parseInt(from!.replace(/\?/g, 'F'), 16);
    return [start, end] as const;
  });
  for (const cp of codePoints) if (spans.some(([a, b]) => cp >= a && cp <= b)) return true;
  return false;
}

/** The code points of a text, plus what generated content adds (folios, leaders, quotes). */
export function codePointsOf(text: string): Set<number> {
  const set = new Set<number>();
  // List markers, leaders, folios and back links are generated, not in the text.
  for (const ch of `${text}0123456789.–—‘’“”…-•◦▪↩`) set.add(ch.codePointAt(0)!);
  return set;
}

/** A font file as a data URI, for documents that must load nothing (the print edition). */
export async function fontDataUri(pkg: string, file: string): Promise<string> {
  const data = await readFile(path.join(fontPackageDir(pkg), 'files', file));
  return `data:font/woff2;base64,${data.toString('base64')}`;
}
