import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const exec = promisify(execFile);
const tool = async (command: string, args: string[]) => (await exec(command, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })).stdout;

/** The text of the whole document, as pdftotext reads it in reading order. */
export const pdfText = (pdf: string) => tool('pdftotext', ['-enc', 'UTF-8', pdf, '-']);

/** The text of one page (1-based), as pdftotext reads it in reading order. */
export const pageText = (pdf: string, page: number) => tool('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-']);

/** The text of one page (1-based) in the order it is drawn (`pdftotext -raw`): a table row is a line. */
export const rawPageText = (pdf: string, page: number) => tool('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-']);

/** `pdfinfo` fields as a record. */
export async function pdfInfo(pdf: string): Promise<Record<string, string>> {
  const out = await tool('pdfinfo', ['-isodates', pdf]);
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** Fonts as pdffonts lists them: name, type, whether embedded and subset, and whether they map to Unicode. */
export async function pdfFonts(pdf: string): Promise<Array<{ name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }>> {
  const lines = (await tool('pdffonts', [pdf])).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... emb sub uni object ID: the last five columns are fixed.
    return {
      name: cols[0]!,
      type: line.slice(37, 55).trim(),
      embedded: cols[cols.length - 5] === 'yes',
      subset: cols[cols.length - 4] === 'yes',
      unicode: cols[cols.length - 3] === 'yes',
    };
  });
}

export interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

/** The document outline (bookmarks) with target pages, via qpdf. */
export async function pdfOutline(pdf: string): Promise<OutlineItem[]> {
  const json = JSON.parse(await tool('qpdf', ['--json', '--json-key=outlines', pdf])) as {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>;
  };
  const map = (items: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>): OutlineItem[] =>
    items.map((item) => ({ title: item.title, page: item.destpageposfrom1, kids: map(item.kids as typeof items) }));
  return map(json.outlines);
}

/** `qpdf --check`: resolves with its report, rejects when the file has errors. */
export const qpdfCheck = (pdf: string) => tool('qpdf', ['--check', pdf]);

/** Render one page to PNG at `dpi`. */
export async function renderPage(pdf: string, page: number, dpi: number): Promise<PNG> {
  const { stdout } = await exec('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', pdf], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return PNG.sync.read(stdout);
}

/**
 * Compare a rendered page with its committed reference within a small tolerance.
 * A missing reference is written (never in CI); `vitest -u` rewrites them.
 */
export async function expectPageLike(actual: PNG, reference: string, maxDiffRatio = 0.002): Promise<void> {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot: 'all' | 'new' | 'none' };
  const update = state._updateSnapshot === 'all' || (state._updateSnapshot === 'new' && !existsSync(reference));
  if (update) {
    await mkdir(path.dirname(reference), { recursive: true });
    await writeFile(reference, PNG.sync.write(actual));
    return;
  }
  expect(existsSync(reference), `reference image ${path.basename(reference)} exists (run vitest -u to create it)`).toBe(true);
  const expected = PNG.sync.read(await readFile(reference));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = pixelmatch(actual.data, expected.data, null, actual.width, actual.height, { threshold: 0.1 });
  const ratio = diff / (actual.width * actual.height);
  expect(ratio, `${path.basename(reference)}: ${diff} pixels differ`).toBeLessThanOrEqual(maxDiffRatio);
}

/** How many dark pixels a region of a rendered page holds. */
export function dark(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 128 && png.data[i + 1]! < 128 && png.data[i + 2]! < 128) n++;
    }
  }
  return n;
}

/** A word on a page and its box, in points from the sheet's top left. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of `pdftotext -bbox` output (one page's or a whole document's), their text unescaped. */
export function wordBoxes(xml: string): Word[] {
  const unescaped = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: unescaped(m[5]!),
  }));
}
