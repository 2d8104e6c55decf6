import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The package root (works from `src/` under vitest and from `dist/`). */
const packageRoot = new URL('../../', import.meta.url);

/** Absolute path of a file shipped with Galley, e.g. `styles/print.css`. */
export const assetPath = (relative: string): string => fileURLToPath(new URL(relative, packageRoot));

/** Read a shipped text asset. */
export const readAsset = (relative: string): Promise<string> => readFile(assetPath(relative), 'utf8');

/** Galley's name and version, for generator metadata. */
export const galleyVersion: string = (JSON.parse(readFileSync(assetPath('package.json'), 'utf8')) as { version: string }).version;
export const generator = `Galley ${galleyVersion}`;
