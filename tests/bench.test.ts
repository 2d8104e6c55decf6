import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generate, generateLong } from '../bench/generate.mjs';
import { measure } from '../bench/measure.mjs';
import { tempDirs } from './helpers.js';

const temp = tempDirs();
let dir: string;
beforeAll(async () => {
  dir = await temp();
});

it('generates the same synthetic book every time', async () => {
  const read = async (root: string) => {
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.md') || f.endsWith('.yaml')).sort();
    return Promise.all(files.map(async (f) => [f, await readFile(path.join(root, f), 'utf8')]));
  };
  await generate(path.join(dir, 'a'), 3);
  await generate(path.join(dir, 'b'), 3);
  const [a, b] = [await read(path.join(dir, 'a')), await read(path.join(dir, 'b'))];
  expect(a).toEqual(b);
  expect(a.map(([f]) => f)).toEqual(['book.yaml', 'chapters/001.md', 'chapters/002.md', 'chapters/003.md']);
  expect(a[2]![1]).toContain('# 2. Ar-Rashid revolt');
});

it('generates one long chapter of the size asked for, its footnote labels unique', async () => {
  await generateLong(path.join(dir, 'long'), 0.2);
  const text = await readFile(path.join(dir, 'long', 'chapters', 'long.md'), 'utf8');
  expect(text.length).toBeGreaterThanOrEqual(200_000);
  expect(text.length).toBeLessThan(240_000);
  expect(text.match(/^# /gm)).toHaveLength(1);
  const labels = [...text.matchAll(/^\[\^([^\]]+)\]:/gm)].map((m) => m[1]);
  expect(new Set(labels).size).toBe(labels.length);
});

it('measures wall time and the peak memory of a process tree', async () => {
  const result = await measure(process.execPath, ['-e', 'const a = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => console.log(a.length), 300)']);
  expect(result.stdout.trim()).toBe(String(64 * 1024 * 1024));
  expect(result.ms).toBeGreaterThan(250);
  expect(result.peakMb).toBeGreaterThan(64);
  expect(result.peakPssMb).toBeGreaterThan(64);
  expect(result.peakPssMb).toBeLessThanOrEqual(result.peakMb);
});
