import { cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { repoRoot, tempDirs } from './helpers.js';

const temp = tempDirs();
let dir: string;
beforeAll(async () => {
  dir = await temp();
});

describe('determinism', () => {
  it('gives byte-identical HTML, PDF and EPUB from two checkouts in different paths', async () => {
    const a = path.join(dir, 'a', 'manuscript');
    const b = path.join(dir, 'somewhere', 'much', 'deeper', 'checkout', 'manuscript');
    for (const target of [a, b]) {
      await mkdir(path.dirname(target), { recursive: true });
      await cp(path.join(repoRoot, 'manuscript'), target, { recursive: true });
    }
    const [first, second] = [
      await build({ root: a, outDir: path.join(dir, 'a', 'build') }),
      await build({ root: b, outDir: path.join(dir, 'somewhere', 'build') }),
    ];
    expect(first.outputs.map((o) => o.format)).toEqual(['html', 'pdf', 'epub']);
    for (const [i, output] of first.outputs.entries()) {
      const [x, y] = await Promise.all([readFile(output.path), readFile(second.outputs[i]!.path)]);
      expect(x.equals(y), `${output.format} is byte-identical`).toBe(true);
      // No path of the build machine in any artifact.
      for (const leak of [dir, repoRoot, 'galley-test-']) expect(x.includes(Buffer.from(leak)), `${output.format} contains ${leak}`).toBe(false);
    }
  });

  it('gives byte-identical editions of a book with page footnotes, figures, tables and parts', async () => {
    // Paged.js named each page footnote with a random UUID, a named destination in the PDF.
    const root = path.join(repoRoot, 'examples', 'sample-book');
    const [first, second] = [await build({ root, outDir: path.join(dir, 'sample-1') }), await build({ root, outDir: path.join(dir, 'sample-2') })];
    for (const [i, output] of first.outputs.entries()) {
      const [x, y] = await Promise.all([readFile(output.path), readFile(second.outputs[i]!.path)]);
      expect(x.equals(y), `${output.format} is byte-identical`).toBe(true);
    }
    const pdf = await readFile(first.outputs.find((o) => o.format === 'pdf')!.path, 'latin1');
    expect(pdf).toMatch(/\/note-g[0-9a-f]{8}-\d+ /);
  }, 120_000);
});
