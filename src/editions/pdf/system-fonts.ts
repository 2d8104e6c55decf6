import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { genericFamilies, hanFamilies, type ShippedFamily, shippedFamilies } from '../shared/font-families.js';
import { fontPackageDir } from '../shared/fonts.js';
import { fontconfigFile } from './fontconfig-file.js';

const require = createRequire(import.meta.url);

/** Disjoint, sorted ranges of code points, `[first, last]`. */
export type Coverage = ReadonlyArray<readonly [number, number]>;

/** What one shipped font file has, and the family it is of. */
export interface FileCoverage {
  family: string;
  coverage: Coverage;
}

/** The fonts Galley's browser sees: a fontconfig file that names only shipped fonts, and what they cover. */
export interface SystemFonts {
  /** fontconfig's configuration (for `FONTCONFIG_FILE`): no system or user font is in it. */
  configFile: string;
  /** The code points some shipped font has. */
  coverage: Coverage;
  /** The code points of each shipped font file, and its family: a letter and its marks are drawn from one file. */
  files: ReadonlyArray<FileCoverage>;
}

/** Bump when the folder's layout or the manifest changes. */
const FORMAT = 3;

interface Manifest {
  /** Family names some files carry (a variable font's instance, "Source Sans 3 ExtraLight"), and the family they are. */
  renames: Record<string, string>;
  coverage: Array<[number, number]>;
  files: Array<{ family: string; coverage: Array<[number, number]> }>;
}

let prepared: Promise<SystemFonts> | undefined;

/**
 * The shipped fonts as the browser's system fonts, made once per machine and
 * kept in Galley's cache folder (`GALLEY_CACHE_DIR`, else `$XDG_CACHE_HOME/galley`
 * or `~/.cache/galley`): Chromium reads no WOFF2 from fontconfig, so each shipped
 * file is decompressed to TrueType, into a folder named after the fonts'
 * versions and moved into place whole.
 */
export function systemFonts(): Promise<SystemFonts> {
  prepared ??= prepare().catch((cause: unknown) => {
    prepared = undefined;
    throw cause;
  });
  return prepared;
}

async function prepare(): Promise<SystemFonts> {
  const files = shippedFiles();
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT, shippedFamilies, files.map((f) => [f.pkg, packageVersion(f.pkg), path.basename(f.file)])]))
    .digest('hex')
    .slice(0, 16);
  const root = await cacheRoot();
  const fontDir = path.join(root, `fonts-${key}`);
  if (!existsSync(path.join(fontDir, 'galley-fonts.json'))) await buildFolder(fontDir, files);
  const manifest = JSON.parse(await readFile(path.join(fontDir, 'galley-fonts.json'), 'utf8')) as Manifest;
  const configFile = path.join(root, `fonts-${key}.conf`);
  const config = fontconfigFile({
    fontDir,
    cacheDir: path.join(root, 'fontconfig'),
    renames: manifest.renames,
    families: shippedFamilies.map((f) => f.family),
    generic: genericFamilies,
    han: hanFamilies,
  });
  if (!existsSync(configFile) || (await readFile(configFile, 'utf8')) !== config) await writeWhole(configFile, config);
  return { configFile, coverage: manifest.coverage, files: manifest.files };
}

/** The WOFF2 files of every shipped family's weights, styles and subsets. */
function shippedFiles(): Array<{ pkg: string; family: ShippedFamily; file: string }> {
  return shippedFamilies.flatMap((family) => {
    const dir = path.join(fontPackageDir(family.pkg), 'files');
    const names = readdirSync(dir).filter(
      (name) =>
        name.endsWith('.woff2') &&
        family.weights.some((weight) => family.styles.some((style) => name.endsWith(`-${weight}-${style}.woff2`))) &&
        (family.subsets === undefined || family.subsets.some((subset) => name.startsWith(`${family.pkg}-${subset}-`))),
    );
    if (names.length === 0) throw new Error(`No font files for ${family.family} in @fontsource/${family.pkg}: check font-families.ts`);
    return names.sort().map((name) => ({ pkg: family.pkg, family, file: path.join(dir, name) }));
  });
}

const packageVersion = (pkg: string): string => (require(`@fontsource/${pkg}/package.json`) as { version: string }).version;

async function cacheRoot(): Promise<string> {
  const preferred = process.env.GALLEY_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'galley');
  try {
    await mkdir(preferred, { recursive: true });
    return preferred;
  } catch {
    const fallback = path.join(os.tmpdir(), `galley-cache-${os.userInfo().uid}`);
    await mkdir(fallback, { recursive: true });
    return fallback;
  }
}

/** Decompress the files into `fontDir`, with a manifest of renames and coverage; moved into place whole. */
async function buildFolder(fontDir: string, files: ReturnType<typeof shippedFiles>): Promise<void> {
  // Loaded here, not with the module: a build whose fonts are in the cache never needs them.
  const wawoff2 = require('wawoff2') as { decompress(data: Uint8Array): Promise<Uint8Array> };
  const fontkit: typeof Fontkit = await import('fontkit');
  const building = `${fontDir}.building-${process.pid}-${Date.now()}`;
  await mkdir(building, { recursive: true });
  try {
    const renames: Record<string, string> = {};
    const points = new Set<number>();
    const each: Manifest['files'] = [];
    for (const { family, file } of files) {
      const ttf = await wawoff2.decompress(await readFile(file));
      await writeFile(path.join(building, path.basename(file).replace(/\.woff2$/, '.ttf')), ttf);
      const font = fontkit.create(Buffer.from(ttf)) as Fontkit.Font;
      if (font.familyName !== family.family) renames[font.familyName] = family.family;
      for (const point of font.characterSet) points.add(point);
      each.push({ family: family.family, coverage: ranges(new Set(font.characterSet)) });
    }
    const manifest: Manifest = { renames, coverage: ranges(points), files: each };
    await writeFile(path.join(building, 'galley-fonts.json'), JSON.stringify(manifest));
    await rename(building, fontDir).catch(async (cause: NodeJS.ErrnoException) => {
      // Another build made the same folder meanwhile: use that one.
      if (!existsSync(path.join(fontDir, 'galley-fonts.json'))) throw cause;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

function ranges(points: ReadonlySet<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const point of [...points].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === point - 1) last[1] = point;
    else out.push([point, point]);
  }
  return out;
}

async function writeWhole(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}-${Date.now()}`;
  await writeFile(temp, text);
  await rename(temp, file);
}

/** Whether some shipped font has the code point. */
export function covers(coverage: Coverage, point: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = coverage[mid]!;
    if (point < first) hi = mid - 1;
    else if (point > last) lo = mid + 1;
    else return true;
  }
  return false;
}
