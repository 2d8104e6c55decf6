import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { verifyPages } from '../src/editions/pdf/paginate.js';
import { build } from '../src/index.js';
import { tempDirs, writeFiles } from './helpers.js';
import { layoutPage } from './layout-page.js';
import { pageText } from './pdf-tools.js';
import { accessibilityFindings } from './pdf-accessibility.js';

const temp = tempDirs();
const layout = layoutPage();

const sentence = 'The press stood in the middle of the room, and the men worked round it from dawn until the light failed.';
const paragraph = (n: number) => Array.from({ length: n }, () => sentence).join(' ');
const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160"><rect x="2" y="2" width="396" height="156" fill="none" stroke="black"/><text x="200" y="90" text-anchor="middle" font-size="24">${label}</text></svg>`;

/**
 * A chapter with figures for the top and the foot of pages: some fit where they stand, some do
 * not; and the chapters of `more` (path: Markdown) after it.
 */
async function manuscript(more: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await temp();
  const body = [
    '# Floats',
    paragraph(3),
    // Fits on the first page: goes to its top, below the chapter's title.
    '![Top of the opening page](../images/a.svg "Figure for the top, on the opening page"){#fig-a .top}',
    paragraph(4),
    paragraph(5),
    // Mid-page on page 2: goes to its foot.
    paragraph(2),
    '![Foot of a page](../images/b.svg "Figure for the foot of its page"){#fig-b fig-pos="b"}',
    paragraph(3),
    paragraph(6),
    paragraph(6),
    paragraph(5),
    paragraph(5),
    // Near the foot of a page, where it does not fit: the text goes on, the figure tops the next page.
    '![Deferred](../images/c.svg "Figure that does not fit where it stands"){#fig-c fig-pos="t"}',
    paragraph(8),
    paragraph(8),
    paragraph(6),
    '![Also deferred](../images/d.svg "Figure for a foot, where there is no room"){#fig-d .bottom}',
    paragraph(8),
    paragraph(8),
    '![Here](../images/e.svg "A figure where it stands"){#fig-e fig-pos="h"}',
    paragraph(3),
  ].join('\n\n');
  const chapters = ['chapters/one.md', ...Object.keys(more)];
  await writeFiles(dir, {
    ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`images/${name}.svg`, svg(name.toUpperCase())])),
    'chapters/one.md': `${body}\n`,
    ...more,
    'book.yaml': `title: Floats\nlanguage: en\ncreator: A\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a15\ntrim: A5\nchapters: [${chapters.join(', ')}]\n`,
  });
  return dir;
}

interface Placed {
  id: string;
  page: number;
  /** Distance from the top of the page's text area to the figure's top, and from its bottom to the area's bottom (px). */
  fromTop: number;
  toBottom: number;
  /** Whether it is the first (last) block of the page's text. */
  first: boolean;
  last: boolean;
}

describe('figures for the top or foot of a page', () => {
  it('go to the top or foot of the page they fall on, or of the next where they do not fit, with the text filling the room', async () => {
    const root = await manuscript();
    await layout.layOut(root);
    const { figures, gaps, opening } = await layout.page().evaluate(() => {
      const blocks = 'p, figure, h1, h2, li, table';
      const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
      const figures = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page figure[id]')).map((figure) => {
        const content = figure.closest('.pagedjs_page_content')!;
        const area = content.getBoundingClientRect();
        const box = figure.getBoundingClientRect();
        const all = Array.from(content.querySelectorAll(blocks)).filter((block) => !block.closest('figure') || block === figure);
        const textBlocks = all.filter((block) => block.tagName !== 'H1');
        return {
          id: figure.id,
          page: pages.indexOf(figure.closest('.pagedjs_page')!) + 1,
          fromTop: Math.round(box.top - area.top),
          toBottom: Math.round(area.bottom - box.bottom),
          first: textBlocks[0] === figure,
          last: all[all.length - 1] === figure,
        };
      });
      // The room left at the foot of each page but the last: no page is left short.
      const gaps = pages.slice(0, -1).map((page) => {
        const content = page.querySelector('.pagedjs_page_content')!;
        const range = document.createRange();
        range.selectNodeContents(content);
        return Math.round(content.getBoundingClientRect().bottom - range.getBoundingClientRect().bottom);
      });
      const opening = pages.indexOf(document.querySelector('.pagedjs_page .chapter h1')!.closest('.pagedjs_page')!) + 1;
      return { figures, gaps: gaps.slice(opening - 1), opening };
    });
    const byId = Object.fromEntries(figures.map((figure: Placed) => [figure.id, figure]));
    expect(Object.keys(byId)).toEqual(['fig-a', 'fig-b', 'fig-c', 'fig-d', 'fig-e']);
    // a: the opening page's first block after the title.
    expect(byId['fig-a']).toMatchObject({ page: opening, first: true, last: false });
    // b: the last block of its page, at its foot.
    expect(byId['fig-b']).toMatchObject({ last: true, first: false });
    expect(byId['fig-b']!.toBottom).toBeLessThan(3);
    // c: at the very top of a page; d: at the very foot of one.
    expect(byId['fig-c']).toMatchObject({ first: true });
    expect(byId['fig-c']!.fromTop).toBeLessThan(3);
    expect(byId['fig-d']).toMatchObject({ last: true });
    expect(byId['fig-d']!.toBottom).toBeLessThan(3);
    // No page of the chapter is left with a gap at its foot (a line of text is about 18px high).
    expect(gaps.filter((gap) => gap > 40)).toEqual([]);
    // Every word on the pages, once; each figure's text in its own order.
    expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems).toEqual([]);
  });

  it('print as laid out, their captions on the page of the figure, and point references at that page', async () => {
    const root = await manuscript({ 'chapters/two.md': '# References\n\nSee @fig-c and @fig-d.\n' });
    const out = await temp();
    const result = await build({ root, outDir: out, formats: ['pdf'] });
    expect(result.messages).toEqual([]);
    const pdf = result.outputs[0]!.path;
    const pages = result.outputs[0]!.pages!;
    const texts = (await Promise.all(Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1)))).map((text) => text.replace(/\s+/g, ' '));
    const pageOf = (text: string) => texts.findIndex((page) => page.includes(text)) + 1;
    const c = pageOf('Figure 3: Figure that does not fit where it stands');
    const d = pageOf('Figure 4: Figure for a foot, where there is no room');
    expect(c).toBeGreaterThan(1);
    expect(d).toBeGreaterThan(c);
    const references = texts.find((page) => page.includes('See Figure'))!;
    expect(references).toContain(`See Figure 3 on page ${c} and Figure 4 on page ${d}.`);
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
  });
});

describe('a picture taller than the page', () => {
  it('is set smaller, whole, on one page with its caption, whether it stands, tops or foots a page', async () => {
    const { PNG } = await import('pngjs');
    const dir = await temp();
    const tall = new PNG({ width: 400, height: 1400 });
    for (let i = 0; i < tall.data.length; i += 4) tall.data.set([90, 90, 90, 255], i);
    const figures = ['', '{.top}', '{.bottom}'].map((place, i) => `![Tall ${i}](../images/tall.png "A tall picture, number ${i + 1}")${place}`);
    await writeFiles(dir, {
      'images/tall.png': PNG.sync.write(tall),
      'chapters/one.md': `# Tall\n\n${paragraph(4)}\n\n${figures.join(`\n\n${paragraph(3)}\n\n`)}\n\n${paragraph(2)}\n`,
      'book.yaml': 'title: Tall\nlanguage: en\ncreator: A\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a17\ntrim: A5\nchapters: [chapters/one.md]\n',
    });
    const out = await temp();
    const result = await build({ root: dir, outDir: out, formats: ['pdf'] });
    const pdf = result.outputs[0]!.path;
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const list = (await promisify(execFile)('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
    // Each picture printed, once, no taller than the A5 page's text area (about 150 mm).
    const images = list
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols) => ({ page: Number(cols[0]), height: (Number(cols[4]) / Number(cols[13])) * 25.4 }));
    expect(images).toHaveLength(3);
    for (const image of images) expect(image.height).toBeLessThan(160);
    for (const [i, image] of images.entries()) expect(await pageText(pdf, image.page)).toContain(`A tall picture, number ${i + 1}`);
  });
});
