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
export async function fontFaceCss(rewrite: (pkg: string, file: string) => string = (pkg, file) => `${FONT_URL_PREFIX}${pkg}/files/${file}`): Promise<string> {
  const parts: string[] = [];
  for (const face of fontFaces) {
    const dir = fontPackageDir(face.pkg);
    for (const file of face.files) {
      const css = await readFile(path.join(dir, file), 'utf8');
      // Only woff2: every browser Galley drives reads it, and one format keeps rules short.
      parts.push(
        css
          .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+)\)/g, (_m, name: string) => `url(${rewrite(face.pkg, name)})`)
          .replace(/font-display: swap;/g, 'font-display: block;'),
      );
    }
  }
  return parts.join('\n');
}

/** Resolve a served font URL path (`/_galley/fonts/pkg/files/name`) to a file, or undefined. */
export function fontFileFor(urlPath: string): string | undefined {
  const match = /^\/_galley\/fonts\/([a-z0-9-]+)\/files\/([a-z0-9-]+\.woff2?)$/.exec(urlPath);
  if (!match || !fontFaces.some((f) => f.pkg === match[1])) return undefined;
  return path.join(fontPackageDir(match[1]!), 'files', match[2]!);
}
