import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The @fontsource faces Galley's editions use: body serif, sans for headings and tables, Arabic fallback. */
export const fontFaces: ReadonlyArray<{ pkg: string; files: readonly string[] }> = [
  { pkg: 'source-serif-4', files: ['400.css', '400-italic.css', '600.css', '600-italic.css', '700.css', '700-italic.css'] },
  { pkg: 'source-sans-3', files: ['400.css', '400-italic.css', '600.css', '700.css'] },
  { pkg: 'noto-naskh-arabic', files: ['400.css', '700.css'] },
];

/** URL prefix under which font files are served to the browser. */
export const FONT_URL_PREFIX = '/_galley/fonts/';

/** The folder of an @fontsource package. */
export const fontPackageDir = (pkg: string): string => path.dirname(require.resolve(`@fontsource/${pkg}/package.json`));

/**
 * The @font-face rules of every face, with their `url(./files/…)` rewritten to
 * `urlPrefix + pkg/files/…` (or through `rewrite`). Each package's subsets keep their
 * `unicode-range`, so only the scripts a book uses are loaded and embedded.
 */
export async function fontFaceCss(
  rewrite: (pkg: string, file: string) => string = (pkg, file) => `${FONT_URL_PREFIX}${pkg}/files/${file}`,
  /** Only faces whose `unicode-range` covers one of these code points (default: all). */
  codePoints?: ReadonlySet<number>,
): Promise<string> {
  const parts: string[] = [];
  for (const face of fontFaces) {
    const dir = fontPackageDir(face.pkg);
    for (const file of face.files) {
      const css = await readFile(path.join(dir, file), 'utf8');
      for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
        if (codePoints && range && !covers(range, codePoints)) continue;
        // Only woff2: every browser Galley drives reads it, and one format keeps rules short.
        parts.push(
          rule
            .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
            .replace(/url\(\.\/files\/([^)]+)\)/g, (_m, name: string) => `url(${rewrite(face.pkg, name)})`)
            .replace(/font-display: swap;/g, 'font-display: block;'),
        );
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
  for (const ch of text + '0123456789.–—‘’“”…-•◦▪↩') set.add(ch.codePointAt(0)!);
  return set;
}

/** Resolve a served font URL path (`/_galley/fonts/pkg/files/name`) to a file, or undefined. */
export function fontFileFor(urlPath: string): string | undefined {
  const match = /^\/_galley\/fonts\/([a-z0-9-]+)\/files\/([a-z0-9-]+\.woff2?)$/.exec(urlPath);
  if (!match || !fontFaces.some((f) => f.pkg === match[1])) return undefined;
  return path.join(fontPackageDir(match[1]!), 'files', match[2]!);
}
