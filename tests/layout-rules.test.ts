import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { launchBrowser } from '../src/editions/pdf/browser.js';
import { layoutDocument } from '../src/editions/pdf/layout-document.js';
import { paginate } from '../src/editions/pdf/paginate.js';
import { POLYFILL_URL } from '../src/editions/pdf/request-router.js';
import { fixtures, tempDirs } from './helpers.js';

const temp = tempDirs();

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
  await writeFile(
    path.join(root, 'book.yaml'),
    `title: Breaks\nlanguage: en\ncreator: T\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555561\ndate: 2024-01-01\nchapters:\n${list.join('\n')}\n`,
  );
}

/**
 * Page ends that break the book's rules, counted in the laid-out page: a split
 * paragraph with one line on either side, a heading last on a page.
 */
function breakFaults(page: Page): Promise<number> {
  return page.evaluate(() => {
    let faults = 0;
    const lineCount = (el: Element) => {
      const tops: number[] = [];
      const r = document.createRange();
      r.selectNodeContents(el);
      for (const rect of Array.from(r.getClientRects())) {
        if (rect.width < 0.5 || rect.height < 0.5) continue;
        if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
      return tops.length;
    };
    // A split paragraph: its continuation carries data-split-from, its head is the
    // element with the same data-ref on the page before.
    document.querySelectorAll<HTMLElement>('.pagedjs_page_content p[data-split-from]').forEach((tail) => {
      const sheet = tail.closest('.pagedjs_page');
      const heads = sheet?.previousElementSibling?.querySelectorAll(`p[data-ref="${tail.dataset.splitFrom}"]`);
      const head = heads?.[heads.length - 1];
      if (lineCount(tail) < 2 || (head && lineCount(head) < 2)) faults++;
    });
    document.querySelectorAll('.pagedjs_page_content').forEach((content) => {
      const blocks = content.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, table, aside, figure, blockquote, pre');
      const last = blocks[blocks.length - 1];
      if (last && /^H[1-6]$/.test(last.tagName) && !last.closest('.toc')) faults++;
    });
    return faults;
  });
}

it('never leaves one line of a paragraph alone on a page, nor a heading at the foot', async () => {
  const root = path.join(await temp(), 'book');
  await variedBook(root, 24);
  const book = await makeBook(root);
  const html = await layoutDocument(book, { polyfillUrl: POLYFILL_URL });
  const session = await launchBrowser();
  try {
    const page = await session.newPage();
    const result = await paginate(page, { html, root, timeout: 120_000 });
    expect(result.pages).toBeGreaterThan(90);
    expect(await breakFaults(page)).toBe(0);
    // The count can fail: without the style sheet's rules this book has a dozen such breaks.
    // (Written with or without a space: a sheet with sibling selectors is re-serialised.)
    const unruled = html.replace(/widows: ?2;?|orphans: ?2;?|break-after: ?avoid;?/g, '');
    await paginate(page, { html: unruled, root, timeout: 120_000 });
    expect(await breakFaults(page)).toBeGreaterThan(5);
  } finally {
    await session.close();
  }
});
