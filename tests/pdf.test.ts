import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/index.js';
import { fixtures, repoRoot, tempDirs } from './helpers.js';
import { expectPageLike, pageText, pdfFonts, pdfInfo, pdfOutline, qpdfCheck, renderPage } from './pdf-tools.js';

const temp = tempDirs();
let out: string;
let pdf: string;
let pages: number;

beforeAll(async () => {
  out = await temp();
  const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: out, formats: ['pdf'] });
  pdf = result.outputs[0]!.path;
  pages = result.outputs[0]!.pages!;
});

describe('PDF edition of the manuscript', () => {
  it('has the expected pages and text on each', async () => {
    expect(pages).toBe(9);
    const texts: string[] = [];
    for (let page = 1; page <= pages; page++) texts.push(`--- page ${page} ---\n${(await pageText(pdf, page)).trimEnd()}\n`);
    await expect(texts.join('\n')).toMatchFileSnapshot(fixtures('pdf', 'manuscript.pages.txt'));
  });

  it('carries the manuscript metadata, never the clock', async () => {
    const info = await pdfInfo(pdf);
    const { Title, Subject, Keywords, Author, Creator, Producer, CreationDate, ModDate, Tagged, Pages, 'Page size': size } = info;
    expect({ Title, Subject, Keywords, Author, Creator, Producer, CreationDate, ModDate, Tagged, Pages, size }).toMatchInlineSnapshot(`
      {
        "Author": "Wikipedia contributors",
        "CreationDate": "2026-11-24T00:00:00Z",
        "Creator": "Galley 0.1.0",
        "Keywords": "Iraq — History — 1958–1968; Coups d'état — Iraq; Iraqi Communist Party",
        "ModDate": "2026-11-24T00:00:00Z",
        "Pages": "9",
        "Producer": "Galley 0.1.0 (Paged.js, Chromium, pdf-lib)",
        "Subject": "The ar-Rashid revolt was a failed coup d'etat and uprising against the Baathist government in Iraq in July 1963.",
        "Tagged": "yes",
        "Title": "Ar-Rashid revolt",
        "size": "420 x 594.96 pts (A5)",
      }
    `);
    const raw = (await readFile(pdf)).toString('latin1');
    expect(raw).toContain('/Lang (en)');
  });

  it('has bookmarks for the contents, the chapter and every section', async () => {
    expect(await pdfOutline(pdf)).toMatchInlineSnapshot(`
      [
        {
          "kids": [],
          "page": 1,
          "title": "Ar-Rashid revolt",
        },
        {
          "kids": [],
          "page": 3,
          "title": "Contents",
        },
        {
          "kids": [
            {
              "kids": [],
              "page": 5,
              "title": "Background",
            },
            {
              "kids": [],
              "page": 6,
              "title": "Preparations of the revolt",
            },
            {
              "kids": [],
              "page": 7,
              "title": "The revolt",
            },
            {
              "kids": [],
              "page": 8,
              "title": "Death train and aftermath",
            },
            {
              "kids": [],
              "page": 8,
              "title": "Soviet involvement",
            },
            {
              "kids": [],
              "page": 9,
              "title": "See also",
            },
          ],
          "page": 5,
          "title": "Ar-Rashid revolt",
        },
      ]
    `);
  });

  it('prints page numbers in the contents that match where the headings are', async () => {
    const toc = await pageText(pdf, 3);
    const entries = [...toc.matchAll(/^(.+?)[\s.]*?(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.map((e) => e.title)).toEqual([
      'Ar-Rashid revolt',
      'Background',
      'Preparations of the revolt',
      'The revolt',
      'Death train and aftermath',
      'Soviet involvement',
      'See also',
    ]);
    for (const entry of entries) expect(await pageText(pdf, entry.page), entry.title).toContain(entry.title);
  });

  it('sets running heads and folios by the book design', async () => {
    const first = (page: number) => pageText(pdf, page).then((text) => text.trim().split('\n')[0]!.trim());
    const last = (page: number) => pageText(pdf, page).then((text) => text.trim().split('\n').at(-1)!.trim());
    expect(await last(1), 'no folio on the title page').not.toMatch(/^\d+$/);
    expect((await pageText(pdf, 2)).trim(), 'blank page is blank').toBe('');
    expect(await first(6), 'verso: book title').toBe('AR-RASHID REVOLT');
    expect(await first(7), 'recto: current section').toBe('THE REVOLT');
    expect(await last(6)).toBe('6');
    expect(await first(5), 'chapter opening: no running head').toBe('Ar-Rashid revolt');
  });

  it('embeds and subsets every font', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(2);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
    expect(
      fonts
        .map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
        .sort()
        .join(' '),
    ).toMatch(/SourceSerif4-Regular/);
    // Never a font of the machine: layout must be the same everywhere.
    for (const font of fonts) expect(font.name, 'an embedded @fontsource face').toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3|Amiri)/);
  });

  it('passes qpdf --check', async () => {
    expect(await qpdfCheck(pdf)).toContain('No syntax or stream encoding errors found');
  });

  it('is byte-identical when built again', async () => {
    const again = await temp();
    const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: again, formats: ['pdf'] });
    const [a, b] = await Promise.all([readFile(pdf), readFile(result.outputs[0]!.path)]);
    expect(a.equals(b)).toBe(true);
  });

  it.each([1, 3, 5, 6])('page %i looks like its reference rendering', async (page) => {
    await expectPageLike(await renderPage(pdf, page, 40), fixtures('pdf', `manuscript-page-${page}.png`));
  });
});

describe('PDF of other manuscripts', () => {
  it('lays out every Markdown construct, headings that start with digits included', async () => {
    const tmp = await temp();
    const result = await build({ root: fixtures('html', 'gfm', 'input'), outDir: tmp, formats: ['pdf'] });
    const toc = await pageText(result.outputs[0]!.path, 3);
    expect(toc).toMatch(/1963 in numbers\s+\d+/);
  });
});

describe('PDF timestamps', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('come from SOURCE_DATE_EPOCH when it is set', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '86400');
    const result = await build({ root: fixtures('html', 'person', 'input'), outDir: await temp(), formats: ['pdf'] });
    const info = await pdfInfo(result.outputs[0]!.path);
    expect(info.CreationDate).toBe('1970-01-02T00:00:00Z');
  });

  it('are left out when neither SOURCE_DATE_EPOCH nor a manuscript date exists', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    const result = await build({ root: fixtures('html', 'multi-chapter', 'input'), outDir: await temp(), formats: ['pdf'] });
    const info = await pdfInfo(result.outputs[0]!.path);
    expect(info.CreationDate).toBeUndefined();
    expect(info.ModDate).toBeUndefined();
  });
});
