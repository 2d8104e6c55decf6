import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHandle, startBrowser } from '../src/editions/pdf/browser.js';
import { tempDirs, writeFiles } from './helpers.js';
import { layoutPage } from './layout-page.js';
import { wordBoxes } from './pdf-tools.js';
import { printBook } from './print-book.js';

const exec = promisify(execFile);
const temp = tempDirs();

/**
 * A book whose author puts text in margin boxes Galley's theme leaves empty (a
 * side, two corners, the foot's centre), with registration marks but no crop marks.
 */
async function marginBook(): Promise<string> {
  const root = path.join(await temp(), 'book');
  const text = 'The garrison held the bridge while the council met in the station. '.repeat(60);
  await writeFiles(root, {
    'book.yaml': [
      'title: Margins',
      'language: en',
      'creator: T',
      'identifier: urn:uuid:11111111-2222-4333-8444-555555555571',
      'date: 2024-01-01',
      'page: { bleed: 3mm, marks: [cross] }',
      'styles: [styles/margins.css]',
      'chapters: [chapters/one.md, chapters/two.md]',
      '',
    ].join('\n'),
    'styles/margins.css': [
      '@page { @left-middle { content: "Side"; } @top-left-corner { content: "Corner"; } @bottom-center { content: "Foot"; } }',
      '@page :left { @bottom-right-corner { content: "Verso"; } }',
      '',
    ].join('\n'),
    'chapters/one.md': `# One\n\n${text}\n\n${text}\n`,
    'chapters/two.md': `# Two\n\n${text}\n`,
  });
  return root;
}

describe("a page's furniture (page-furniture.ts)", () => {
  const layout = layoutPage();

  it('takes the margin boxes and marks that draw nothing out of the laid-out pages, and keeps those that draw', async () => {
    await layout.layOut(await marginBook());
    const counts = await layout.page().evaluate(() => {
      const count = (selector: string) => document.querySelectorAll(selector).length;
      return {
        pages: count('.pagedjs_page'),
        emptyContentBoxes: count('.pagedjs_margin:not(.hasContent) > .pagedjs_margin-content'),
        leftSideBoxes: count('.pagedjs_margin-left > .pagedjs_margin'),
        rightSideBoxes: count('.pagedjs_margin-right > .pagedjs_margin'),
        cornersWithoutContent: count('.pagedjs_margin-top-right-corner'),
        crops: count('.pagedjs_marks-crop'),
        crosses: count('.pagedjs_marks-cross'),
        sidenotes: count('.pagedjs_margin-left-middle.hasContent > .pagedjs_margin-content'),
        corners: count('.pagedjs_margin-top-left-corner.hasContent > .pagedjs_margin-content'),
      };
    });
    expect(counts.pages).toBeGreaterThan(3);
    // Taken out: the content boxes of empty margin boxes, a side and corners without content, undrawn crop marks.
    expect(counts.emptyContentBoxes).toBe(0);
    expect(counts.rightSideBoxes).toBe(0);
    expect(counts.cornersWithoutContent).toBe(0);
    expect(counts.crops).toBe(0);
    // Kept: a side with content (all three of its boxes: they are a grid), the corner with content, the marks drawn.
    expect(counts.leftSideBoxes).toBe(3 * counts.pages);
    expect(counts.crosses).toBe(4 * counts.pages);
    expect(counts.sidenotes).toBeGreaterThan(0);
    expect(counts.corners).toBeGreaterThan(0);
  });
});

describe('the printed margin boxes', () => {
  let browser: BrowserHandle;
  beforeAll(() => {
    browser = startBrowser({});
  });
  afterAll(() => browser.close());

  it("prints an author's side, corner and foot boxes where they belong", async () => {
    const pdf = await printBook(browser, await marginBook(), await temp());
    const { stdout } = await exec('pdftotext', ['-bbox', pdf.file, '-']);
    const pages = stdout.split('<page ').slice(1);
    const body = pages.map((page) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
      return { width, words: wordBoxes(page) };
    });
    const on = (text: string) => body.filter((page) => page.words.some((word) => word.text === text));
    // Every page but blank ones carries the side note, in the left margin, and the corner text.
    expect(on('Side').length).toBeGreaterThan(3);
    for (const page of on('Side')) {
      const note = page.words.find((word) => word.text === 'Side')!;
      const text = page.words.filter((word) => word.text === 'garrison');
      for (const word of text) expect(note.xMax).toBeLessThan(word.xMin);
    }
    expect(on('Corner').length).toBe(on('Side').length);
    expect(on('Foot').length).toBe(on('Side').length);
    // Left-hand pages only (the book opens on a right-hand page).
    expect(on('Verso').length).toBeGreaterThan(0);
    expect(on('Verso').length).toBeLessThan(on('Side').length);
  });
});
