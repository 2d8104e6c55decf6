import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this module holding Galley's
 * `package.json` (from `src/` under vitest, from `dist/`, and from the bundled
 * command line's chunks in `dist/bin/`).
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'galley') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Galley's package.json not found above ${from}`);
  }
}

const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a file shipped with Galley, e.g. `styles/print.css`. */
export const assetPath = (relative: string): string => path.join(packageRoot, relative);

/** Read a shipped text asset. */
export const readAsset = (relative: string): Promise<string> => readFile(assetPath(relative), 'utf8');

/** Galley's name and version, for generator metadata. */
export const galleyVersion: string = (JSON.parse(readFileSync(assetPath('package.json'), 'utf8')) as { version: string }).version;
export const generator = `Galley ${galleyVersion}`;
