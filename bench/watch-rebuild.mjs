// Save-to-written time of watch mode: start watching a copy of a manuscript (PDF
// only), then append to a chapter `runs + 1` times; the first rebuild warms up.
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watch } from '../dist/index.js';

const [source, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const dir = await mkdtemp(path.join(os.tmpdir(), 'galley-watch-'));
const root = path.join(dir, 'book');
await cp(source, root, { recursive: true });
const chapter = path.join(root, 'chapters', (await readdir(path.join(root, 'chapters'))).sort()[0]);
let notify;
const watcher = watch({ root, outDir: path.join(dir, 'out'), formats: ['pdf'] }, (event) => notify?.(event));
const rebuilds = [];
try {
  await watcher.ready;
  for (let i = 0; i <= runs; i++) {
    const done = new Promise((resolve) => (notify = resolve));
    await appendFile(chapter, `\nEdit ${i}.\n`);
    const event = await done;
    if (event.type !== 'built') throw event.error;
    if (i > 0) rebuilds.push(Math.round(event.ms));
    await new Promise((r) => setTimeout(r, 300));
  }
} finally {
  await watcher.close();
  await rm(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(rebuilds)}\n`);
