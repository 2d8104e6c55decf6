import { appendFile, cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, watch, type WatchEvent } from '../src/index.js';
import { editionsFor } from '../src/build/watch.js';
import { assetPath } from '../src/shared/package-files.js';
import { repoRoot, tempDirs } from './helpers.js';
import { pageText } from './pdf-tools.js';

const temp = tempDirs();
let dir: string;
beforeAll(async () => {
  dir = await temp();
});

describe('watch mode', () => {
  it('rebuilds on save with a warm browser, giving the same PDF as a cold build', async () => {
    const root = path.join(dir, 'manuscript');
    const out = path.join(dir, 'out');
    await cp(path.join(repoRoot, 'manuscript'), root, { recursive: true });
    const events: WatchEvent[] = [];
    let notify: (() => void) | undefined;
    const watcher = watch({ root, outDir: out, formats: ['pdf'] }, (event) => {
      events.push(event);
      notify?.();
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      await watcher.ready;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'built', changed: [], formats: ['pdf'] });
      const chapter = path.join(root, 'chapters', '01-ar-rashid-revolt.md');
      const rebuilt = next();
      await appendFile(chapter, '\nWatch mode saw this sentence.\n');
      await rebuilt;
      const event = events[1]!;
      expect(event).toMatchObject({ type: 'built', changed: [chapter], formats: ['pdf'] });
      expect(event.ms).toBeGreaterThan(0);
      const pdf = path.join(out, 'ar-rashid-revolt.pdf');
      expect(await pageText(pdf, 9)).toContain('Watch mode saw this sentence.');
      // The warm rebuild is the same file a cold build makes.
      const cold = await build({ root, outDir: path.join(dir, 'cold'), formats: ['pdf'] });
      expect((await readFile(pdf)).equals(await readFile(cold.outputs[0]!.path))).toBe(true);
    } finally {
      await watcher.close();
    }
  });

  it('reports a bad save and keeps watching', async () => {
    const root = path.join(dir, 'bad');
    await cp(path.join(repoRoot, 'manuscript'), root, { recursive: true });
    const events: WatchEvent[] = [];
    let notify: (() => void) | undefined;
    const watcher = watch({ root, outDir: path.join(dir, 'bad-out'), formats: ['html'] }, (event) => {
      events.push(event);
      notify?.();
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    try {
      await watcher.ready;
      const book = path.join(root, 'book.yaml');
      let changed = next();
      await appendFile(book, 'titel: typo\n');
      await changed;
      expect(events[1]).toMatchObject({ type: 'failed' });
      changed = next();
      await cp(path.join(repoRoot, 'manuscript', 'book.yaml'), book);
      await changed;
      expect(events[2]).toMatchObject({ type: 'built' });
    } finally {
      await watcher.close();
    }
  });

  it('rebuilds only the editions a style sheet affects', () => {
    const all = ['html', 'pdf', 'epub'] as const;
    expect(editionsFor(assetPath('styles/screen.css'), all)).toEqual(['html']);
    expect(editionsFor(assetPath('styles/print.css'), all)).toEqual(['pdf', 'epub']);
    expect(editionsFor(assetPath('styles/epub.css'), ['pdf'])).toEqual([]);
    expect(editionsFor('/some/manuscript/chapters/x.md', all)).toEqual(['html', 'pdf', 'epub']);
  });
});
