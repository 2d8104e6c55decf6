import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderChapters } from '../src/html/render-chapters.js';
import { loadManuscript } from '../src/manuscript/load.js';
import { launchBrowser } from '../src/pdf/browser.js';
import { paginate, POLYFILL_URL } from '../src/pdf/paginate.js';
import { printDocument } from '../src/pdf/print-document.js';
import { fixtures, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

/** A book whose paragraphs all differ in length, so page breaks fall everywhere. */
async function variedBook(root: string, chapters: number): Promise<void> {
  const seed = await readFile(fixtures('import', 'ar-rashid-revolt.txt'), 'utf8');
  const paragraphs = seed.split('\n').filter((line) => line.length > 200);
  await mkdir(path.join(root, 'chapters'), { recursive: true });
  const list: string[] = [];
  for (let c = 1; c <= chapters; c++) {
    let body = `# Chapter ${c}\n\n`;
    paragraphs.forEach((paragraph, i) => {
      const words = paragraph.split(' ');
      const cut = (c * 17 + i * 11) % Math.max(10, words.length - 12);
      if (i % 3 === 0) body += `## Part ${c}.${i}\n\n`;
      body += `${words.slice(0, words.length - cut).join(' ')}.\n\n`;
    });
    await writeFile(path.join(root, 'chapters', `c${c}.md`), body);
    list.push(`  - chapters/c${c}.md`);
  }
  await writeFile(path.join(root, 'book.yaml'), `title: Breaks\nlanguage: en\ncreator: T\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555561\ndate: 2024-01-01\nchapters:\n${list.join('\n')}\n`);
}

it('never leaves one line of a paragraph alone on a page, nor a heading at the foot', async () => {
  const root = path.join(dir, 'book');
  await variedBook(root, 24);
  const { manuscript } = await loadManuscript(root);
  const { chapters } = await renderChapters(manuscript);
  const html = await printDocument(manuscript.config, chapters, new Map(), { polyfillUrl: POLYFILL_URL });
  // Without the style sheet's rules this book has over a dozen such breaks.
  const session = await launchBrowser();
  try {
    const result = await paginate(await session.newPage(), { html, root, timeout: 120_000 });
    expect(result.pages).toBeGreaterThan(90);
    expect(result.breakFaults).toBe(0);
  } finally {
    await session.close();
  }
});
