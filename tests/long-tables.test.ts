import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPages } from '../src/editions/pdf/paginate.js';
import { build } from '../src/index.js';
import { readEpub } from './epub-tools.js';
import { fixtures, repoRoot, tempDirs, writeFiles } from './helpers.js';
import { layoutPage } from './layout-page.js';
import { pdfInfo, rawPageText } from './pdf-tools.js';
import { compareWords } from './pdf-words.js';
import { accessibilityFindings } from './pdf-accessibility.js';

/**
 * Tables in print: a table that runs over pages has its header rows on every
 * page, the same columns on every page, never its header rows alone at the foot
 * of a page (nor the heading before it); a table too wide for the page breaks its
 * words at their hyphenation points where that is enough.
 */
const layout = layoutPage();
const temp = tempDirs();
const longTables = fixtures('pdf', 'long-tables');

interface Piece {
  page: number;
  /** The table the piece is of (Paged.js's reference of its source element). */
  table: string;
  repeated: boolean;
  head: string;
  bodyRows: number;
  widths: number[];
}

/** Each page's piece of each table, in page order. */
const pieces = () =>
  layout.page().evaluate(() =>
    Array.from(document.querySelectorAll('.pagedjs_page')).flatMap((sheet, index) =>
      Array.from(sheet.querySelectorAll<HTMLTableElement>('.pagedjs_page_content table')).map((table) => ({
        page: index + 1,
        table: table.dataset.splitFrom ?? table.dataset.ref ?? '',
        repeated: table.tHead?.hasAttribute('data-galley-repeat') ?? false,
        head: (table.tHead?.textContent ?? '')
          .replace(/\u00ad/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        bodyRows: Array.from(table.rows).filter((row) => !table.tHead?.contains(row)).length,
        widths: Array.from(table.rows[0]?.cells ?? [], (cell) => Math.round(cell.getBoundingClientRect().width * 10) / 10),
      })),
    ),
  );

/** The pages whose last block is a heading (outside the contents). */
const headingsLast = () =>
  layout.page().evaluate(() =>
    Array.from(document.querySelectorAll('.pagedjs_page_content'))
      .map((content, index) => {
        const blocks = content.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, table, aside, figure, blockquote, pre');
        const last = blocks[blocks.length - 1];
        return last && /^H[1-6]$/.test(last.tagName) && !last.closest('.toc') ? index + 1 : 0;
      })
      .filter((page) => page > 0),
  );

describe('a table over several pages, and tables at every height of the page', () => {
  it('has its header rows and the same columns on every page, never header rows or a heading alone at a page foot, and all its text once', async () => {
    await layout.layOut(longTables);
    const all: Piece[] = await pieces();
    const byTable = new Map<string, Piece[]>();
    for (const piece of all) byTable.set(piece.table, [...(byTable.get(piece.table) ?? []), piece]);
    expect(byTable.size).toBe(41);
    const long = [...byTable.values()].find((list) => list[0]!.head === 'No. Town Men Units')!;
    expect(long.length).toBeGreaterThanOrEqual(4);
    expect(long.reduce((rows, piece) => rows + piece.bodyRows, 0)).toBe(90);
    let continued = 0;
    for (const list of byTable.values()) {
      list.forEach((piece, i) => {
        expect(piece.head, `table on page ${piece.page}`).toBe(list[0]!.head);
        expect(piece.repeated, `table on page ${piece.page}`).toBe(i > 0);
        expect(piece.bodyRows, `table on page ${piece.page}`).toBeGreaterThan(0);
        expect(piece.widths, `table on page ${piece.page}`).toEqual(list[0]!.widths);
        expect(piece.page).toBe(list[0]!.page + i);
      });
      if (list.length > 1) continued++;
    }
    // More than the long table runs on to another page (else this tested little).
    expect(continued).toBeGreaterThan(1);
    expect(await headingsLast()).toEqual([]);
    // The repeated header rows are not the manuscript's text: the verifier finds each word once.
    expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems).toEqual([]);
  });

  it('prints the header line at the top of each of its pages, every word of the HTML edition, and the e-book’s page breaks at the row each page starts with', async () => {
    const out = await temp();
    await build({ root: longTables, outDir: out, formats: ['html', 'pdf', 'epub'] });
    const pdf = path.join(out, 'long-tables.pdf');
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
    const pages = Number((await pdfInfo(pdf)).Pages);
    const epub = await readEpub(path.join(out, 'long-tables.epub'));
    const chapter = epub.names.find((name) => name.endsWith('.xhtml') && epub.text(name).includes('Orders of battle') && epub.text(name).includes('<table'))!;
    const xhtml = epub.text(chapter);
    let checked = 0;
    for (let page = 1; page <= pages; page++) {
      const lines = (await rawPageText(pdf, page)).split('\n').map((line) => line.trim());
      const header = lines.indexOf('No. Town Men Units');
      const firstRow = /^(\d+) (\w+) ([\d,]+)/.exec(lines.find((line, i) => i > header && /^\d+ /.test(line)) ?? '');
      if (header === -1 || !firstRow || lines.slice(0, header).some((line) => /^\d+ \w+ [\d,]+/.test(line))) continue;
      if (Number(firstRow[1]) === 1) continue;
      // A page the long table goes on on: it starts with the header line, then the row…
      expect(
        lines.slice(0, header).filter((line) => line !== '' && line !== String(page) && !/^LONG TABLES|^ORDERS OF BATTLE/i.test(line)),
        `page ${page}`,
      ).toEqual([]);
      // …and the e-book's marker for that page is right before that row's first cell.
      const marker = xhtml.indexOf(`id="page-${page}"`);
      expect(marker, `page ${page}`).toBeGreaterThan(-1);
      const after = xhtml
        .slice(xhtml.indexOf('>', marker) + 1, marker + 400)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      expect(after.trim().startsWith(`${firstRow[1]} ${firstRow[2]} ${firstRow[3]}`), `page ${page}: ${after}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
    const html = path.join(out, 'long-tables.html');
    const words = await compareWords(pdf, html, 'en');
    expect(words.missing).toEqual([]);
    expect(words.badSplits).toEqual([]);
  });
});

describe('a captioned table at every height of the page', () => {
  it('keeps its caption with its header rows and first row: never a caption alone at a page foot', async () => {
    const dir = await temp();
    const sentence = 'The garrison held the bridge through the night while the column waited on the far bank.';
    const blocks = Array.from({ length: 48 }, (_, i) =>
      [
        Array.from({ length: (i % 5) + 1 }, () => sentence).join(' '),
        // Every third table's first row runs to several lines: it too takes the caption and header rows with it.
        `| Unit | Men | Officers |\n|---|--:|--:|\n| First column${i % 3 === 2 ? ` ${sentence} ${sentence} ${sentence} ${sentence}` : ''} | 1,200 | 40 |\n| Second column | 950 | 31 |\n| Third column | 700 | 22 |`,
        `Table: Strength of the units at the crossing, as the returns of the month give it {#tbl-crossing-${i + 1}}`,
      ].join('\n\n'),
    );
    await writeFiles(dir, {
      'chapters/one.md': `# Crossings\n\n${blocks.join('\n\n')}\n`,
      'book.yaml':
        'title: Crossings\nlanguage: en\ncreator: A\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a14\ntrim: A5\nchapters: [chapters/one.md]\n',
    });
    await layout.layOut(dir);
    const captioned = await layout
      .page()
      .evaluate(() =>
        Array.from(document.querySelectorAll('.pagedjs_page')).flatMap((sheet, index) =>
          Array.from(sheet.querySelectorAll<HTMLTableElement>('.pagedjs_page_content table')).flatMap((table) =>
            table.caption && !table.hasAttribute('data-split-from')
              ? [{ page: index + 1, head: table.tHead?.rows.length ?? 0, body: Array.from(table.tBodies).reduce((n, body) => n + body.rows.length, 0) }]
              : [],
          ),
        ),
      );
    expect(captioned).toHaveLength(48);
    // Each table starts on the page of its caption, with its header row and at least its first row.
    expect(captioned.filter((table) => table.head === 0 || table.body === 0)).toEqual([]);
    expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems).toEqual([]);
  });
});

describe('a table too wide for the page with its words whole', () => {
  it('breaks words only in its widest columns, at their hyphenation points, header cells included', async () => {
    const book = await layout.layOut(path.join(repoRoot, 'tests', 'corpus', '19-table-heavy'));
    const first = await layout.page().evaluate(() => {
      const table = document.querySelector<HTMLTableElement>('.pagedjs_page_content table')!;
      return {
        fontSize: table.style.fontSize,
        hyphenated: Array.from(table.tHead!.rows[0]!.cells)
          .filter((cell) => cell.style.hyphens === 'manual')
          .map((cell) => {
            // The cell's own text: without the hyphens added where its lines broke.
            const copy = cell.cloneNode(true) as HTMLElement;
            for (const hyphen of copy.querySelectorAll('[data-galley-hyphen]')) hyphen.remove();
            return copy.textContent?.replace(/\u00ad/g, '');
          }),
      };
    });
    // Set smaller first, then only the two widest columns (names, discoverers) are narrower than their longest words.
    expect(first).toEqual({ fontSize: '80%', hyphenated: ['Name', 'Discoverer(s)'] });
    const out = await temp();
    await build({ root: book.root, outDir: out, formats: ['html', 'pdf'] });
    const pdf = path.join(out, 'tables-of-the-elements.pdf');
    const words = await compareWords(pdf, path.join(out, 'tables-of-the-elements.html'), 'en');
    expect(words.missing).toEqual([]);
    expect(words.badSplits).toEqual([]);
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
  });
});

describe('tables that do not fit a small page (3.5 × 5 in)', () => {
  it('build with every word: an address column, ten columns of long words, cells and header rows taller than a page, a table in a note', async () => {
    const out = await temp();
    await build({ root: fixtures('pdf', 'hostile-tables'), outDir: out, formats: ['html', 'pdf'] });
    const pdf = path.join(out, 'hostile-tables.pdf');
    const words = await compareWords(pdf, path.join(out, 'hostile-tables.html'), 'en');
    expect(words.missing).toEqual([]);
    // Every PDF/UA condition checked here: the note call in the header rows repeated on each page
    // links from the first copy only (the copies are artifacts, and a link must be tagged).
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
    // The address column is not left a few letters wide: its row, address and long word whole, fits on its page.
    const first = (await rawPageText(pdf, 5)).replace(/[-\n]/g, '');
    expect(first).toContain('https://example.org/very/long/path/segment0/anotherverylongsegmentwithoutanybreak/index.html?query=abcdefghijklmnopqrstuvwxyz0');
    expect(first).toContain('Donaudampfschifffahrtsgesellschaftskapitaen');
    // A row taller than a page starts on the page of its table's header rows.
    const pages = Number((await pdfInfo(pdf)).Pages);
    for (let page = 1; page <= pages; page++) {
      const lines = (await rawPageText(pdf, page)).split('\n').map((line) => line.trim());
      const head = lines.indexOf('Key Description');
      if (head !== -1) expect(lines.slice(head + 1).join(' '), `page ${page}`).toMatch(/\w/);
    }
  });
});
