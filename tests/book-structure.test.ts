import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { startBrowser } from '../src/editions/pdf/browser.js';
import { printDocuments } from '../src/editions/pdf/layout-document.js';
import { splitBook } from '../src/editions/pdf/split-book.js';
import { build } from '../src/index.js';
import type { Chapter } from '../src/model/book.js';
import { appendixLabel, partLabel } from '../src/shared/book-divisions.js';
import { appendixLetter } from '../src/stages/load/reading-order.js';
import { epubcheck, readEpub } from './epub-tools.js';
import { printBook } from './print-book.js';
import { fixtures, tempDirs } from './helpers.js';
import { pageText, pdfInfo, pdfOutline } from './pdf-tools.js';
import { accessibilityFindings } from './pdf-accessibility.js';

/**
 * A book's structure (tests/fixtures/book-structure): front matter (a dedication,
 * a preface), chapters in two parts, appendices lettered A and B, back matter
 * (acknowledgements, a colophon), each where a book puts it in every edition.
 */
const temp = tempDirs();
const root = fixtures('book-structure');
let out: string;
let pdf: string;
/** Each page's text, whitespace collapsed. */
let pages: string[];

beforeAll(async () => {
  out = await temp();
  await build({ root, outDir: out });
  pdf = path.join(out, 'the-shape-of-a-book.pdf');
  const count = Number((await pdfInfo(pdf)).Pages);
  pages = await Promise.all(Array.from({ length: count }, async (_, i) => (await pageText(pdf, i + 1)).replace(/\s+/g, ' ').trim()));
});

/** A page's text as laid out (`pdftotext -layout`): a contents entry and its page number on one line. */
const layoutText = async (page: number) => (await promisify(execFile)('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'])).stdout;

/** The book's chapters' titles, in reading order. */
const chapterTitles = [
  'Dedication',
  'Preface',
  'Origins',
  'Plans',
  'The Revolt',
  'Aftermath',
  'Appendix A: Sources',
  'Appendix B: Chronology',
  'Acknowledgements',
  'Colophon',
];

/** The 1-based page whose text starts with `start`. */
const pageStarting = (start: string) => pages.findIndex((text) => text.startsWith(start)) + 1;

describe('the structure of a book in print', () => {
  it('meets every PDF/UA condition checked here (tests/pdf-accessibility.ts): parts, front and back matter, roman folios', async () => {
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
  });

  it('gives each part a right-hand page of its own, with no running head or folio, and its first chapter the next right-hand page', () => {
    for (const [label, name, chapter] of [
      ['Part I', 'Before the revolt', 'Origins'],
      ['Part II', 'The revolt and after', 'The Revolt'],
    ] as const) {
      const page = pages.indexOf(`${label} ${name}`) + 1;
      expect(page, `${label} alone on its page`).toBeGreaterThan(0);
      expect(page % 2, `${label} on a right-hand page`).toBe(1);
      expect(pages[page]).toBe('');
      expect(pageStarting(chapter)).toBe(page + 2);
    }
  });

  it('letters the appendices and puts the front and back matter where a book has them', () => {
    const order = chapterTitles;
    const starts = order.map(pageStarting);
    expect(starts.every((page) => page > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const page of starts) expect(page % 2, `page ${page} is a right-hand page`).toBe(1);
    // Front matter carries a folio but no running head.
    expect(pages[pageStarting('Preface') - 1]).toMatch(/ ix$/);
    expect(pages[pageStarting('Preface')]).not.toContain('THE SHAPE OF A BOOK');
  });

  it('opens with a half title, the title page on the next right-hand page and the copyright page on its back', () => {
    expect(pages[0]).toBe('The Shape of a Book');
    expect(pages[1]).toBe('');
    // (The creators in small capitals, the publisher in capitals: pdftotext reads them apart.)
    expect(pages[2]!.replace(/\s/g, '').toLowerCase()).toBe('theshapeofabookadatypesettergalleypress6december2026');
    expect(pages[3]).toBe('The Shape of a Book © 2026 Ada Typesetter. All rights reserved. Galley Press 6 December 2026');
    expect(pageStarting('Contents')).toBe(5);
  });

  it('lists the parts in the contents with their chapters under them and every page number right', async () => {
    const contents = await layoutText(pageStarting('Contents'));
    const entries = [...contents.matchAll(/^ *(\S.*?) {2,}(\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const pageOf = new Map(entries);
    // The body's folios count from its first page, the first part's title page (the book's eleventh).
    const folio = (page: number) => String(page - 10);
    expect(pageOf.get('Part I: Before the revolt')).toBe(folio(pages.indexOf('Part I Before the revolt') + 1));
    expect(pageOf.get('Part I: Before the revolt')).toBe('1');
    expect(pageOf.get('Part II: The revolt and after')).toBe(folio(pages.indexOf('Part II The revolt and after') + 1));
    expect(pageOf.get('Appendix A: Sources')).toBe(folio(pageStarting('Appendix A: Sources')));
    expect(pageOf.get('Colophon')).toBe(folio(pageStarting('Colophon')));
    expect(pageOf.get('Preface')).toBe('ix');
    expect(entries.map(([title]) => title)).toEqual(
      expect.arrayContaining(['Dedication', 'Preface', 'Origins', 'The army', 'Appendix B: Chronology', 'Acknowledgements']),
    );
  });

  it('numbers the front matter in roman numerals and the body from 1, in the folios, the contents and the page labels', async () => {
    const folio = async (page: number) => (await layoutText(page)).trim().split('\n').at(-1)!.trim();
    expect(await folio(pageStarting('Contents'))).toBe('v');
    expect(await folio(pageStarting('Preface'))).toBe('ix');
    expect(await folio(pageStarting('Origins'))).toBe('3');
    expect(await folio(pageStarting('Colophon'))).toBe(String(pageStarting('Colophon') - 10));
    const contents = await layoutText(pageStarting('Contents'));
    expect(contents).toMatch(/^Preface +ix$/m);
    expect(contents).toMatch(/^Part I: Before the revolt +1$/m);
    const labels = JSON.parse((await promisify(execFile)('qpdf', ['--json', '--json-key=pagelabels', pdf])).stdout) as {
      pagelabels: Array<{ index: number; label: Record<string, string> }>;
    };
    expect(labels.pagelabels.map(({ index, label }) => [index, label['/S']])).toEqual([
      [0, '/r'],
      [10, '/D'],
    ]);
  });

  it('numbers the pages the same when the book is laid out in many parts', async () => {
    const browser = startBrowser({});
    try {
      const book = await makeBook(root);
      // Parts that hold whole chapters (a chapter cut between parts goes on on a page of its own).
      const PART_SIZE = 6_000;
      const { parts } = await printDocuments(book, { partSize: PART_SIZE });
      expect(parts.length).toBeGreaterThan(4);
      expect(parts.some((part) => part.continues)).toBe(false);
      // The front matter is a part of its own: the body's first part starts again at 1.
      expect(parts.map((part) => part.chapters.map((chapter) => chapter.place.matter).join(','))).toContain('front,front');
      const split = await printBook(browser, root, await temp(), { partSize: PART_SIZE });
      const { file } = split;
      expect(split.pages).toBe(pages.length);
      for (let page = 1; page <= pages.length; page++) {
        expect((await pageText(file, page)).replace(/\s+/g, ' ').trim(), `page ${page}`).toBe(pages[page - 1]);
      }
      expect(split.layout.pageStarts.map((start) => start.label)).toContain('ix');
    } finally {
      await browser.close();
    }
  });

  it('has a bookmark for each division, in reading order', async () => {
    const titles = (await pdfOutline(pdf)).map((item) => item.title);
    expect(titles).toEqual([
      'The Shape of a Book',
      'Contents',
      ...chapterTitles.slice(0, 2),
      'Before the revolt',
      ...chapterTitles.slice(2, 4),
      'The revolt and after',
      ...chapterTitles.slice(4),
    ]);
  });
});

describe('the structure of a book in the e-book and the HTML edition', () => {
  it('marks front, body and back matter, the parts and each division, with landmarks, and passes epubcheck', async () => {
    const file = path.join(out, 'the-shape-of-a-book.epub');
    const check = await epubcheck(file);
    expect(check.report).toBe('');
    const epub = await readEpub(file);
    const body = (name: string) => /<body[^>]*>/.exec(epub.text(`EPUB/text/${name}.xhtml`))![0];
    expect(body('dedication')).toContain('epub:type="frontmatter"');
    expect(body('origins')).toContain('epub:type="bodymatter"');
    expect(body('sources')).toContain('epub:type="backmatter"');
    expect(body('colophon')).toContain('epub:type="backmatter"');
    expect(epub.text('EPUB/text/dedication.xhtml')).toContain('epub:type="dedication" role="doc-dedication"');
    expect(epub.text('EPUB/text/preface.xhtml')).toContain('epub:type="preface" role="doc-preface"');
    expect(epub.text('EPUB/text/sources.xhtml')).toContain('epub:type="appendix" role="doc-appendix"');
    expect(epub.text('EPUB/text/acknowledgments.xhtml')).toContain('epub:type="acknowledgments" role="doc-acknowledgments"');
    expect(epub.text('EPUB/text/origins.xhtml')).toContain(
      '<section class="part" id="part-1" data-part="1" aria-labelledby="part-1-title" data-body-start="" epub:type="part" role="doc-part">',
    );
    const nav = epub.text('EPUB/nav.xhtml');
    expect(nav).toContain('<a epub:type="frontmatter" href="text/dedication.xhtml">Dedication</a>');
    expect(nav).toContain('<a epub:type="bodymatter" href="text/origins.xhtml">Origins</a>');
    expect(nav).toContain('<a epub:type="backmatter" href="text/sources.xhtml">Appendix A: Sources</a>');
    // The print page list with the folios: roman, then from 1.
    const pageList = [...(/<nav epub:type="page-list"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '').matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(pageList.slice(0, 4)).toEqual(['vii', 'ix', '1', '3']);
    expect(epub.text('EPUB/text/preface.xhtml')).toContain('aria-label="ix"');
    // The part's chapters in a list under the part's title.
    expect(nav).toMatch(
      /<li class="toc-part"><a href="text\/origins.xhtml#part-1">Part I: Before the revolt<\/a><ol><li><a href="text\/origins.xhtml#origins">Origins<\/a>/,
    );
  });

  it('gives the e-book a copyright page after the title page, and no half title', async () => {
    const epub = await readEpub(path.join(out, 'the-shape-of-a-book.epub'));
    const opf = epub.text('EPUB/package.opf');
    expect([...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]).slice(0, 4)).toEqual(['cover', 'title-page', 'copyright', 'nav']);
    const copyright = epub.text('EPUB/text/copyright.xhtml');
    expect(copyright).toContain('<body epub:type="frontmatter">');
    expect(copyright).toContain('<section epub:type="copyright-page"><section id="copyright-page" class="copyright-page">');
    expect(copyright).toContain('<p class="copyright-rights">© 2026 Ada Typesetter. All rights reserved.</p>');
    expect(epub.names.some((name) => name.includes('half-title'))).toBe(false);
  });

  it('gives the HTML edition the same divisions', async () => {
    const html = await readFile(path.join(out, 'the-shape-of-a-book.html'), 'utf8');
    expect(html).toContain(
      '<section class="part" id="part-2" data-part="2" aria-labelledby="part-2-title"><p class="part-label">Part II</p><h1 id="part-2-title">The revolt and after</h1></section>',
    );
    expect(html).toContain('<h1 id="sources"><span class="chapter-label">Appendix A</span>: Sources</h1>');
    expect(html).toContain('data-chapter="preface" aria-labelledby="preface" data-matter="front" data-role="preface"');
    expect(html).toContain('</header><section id="copyright-page" class="copyright-page"><p class="copyright-title">The Shape of a Book</p>');
    expect(html).not.toContain('half-title');
  });
});

describe('labels and layout parts', () => {
  it("label parts and appendices in the book's language", () => {
    expect(partLabel(2, 'en')).toBe('Part II');
    expect(partLabel(14, 'de-CH')).toBe('Teil XIV');
    expect(partLabel(3, 'ja')).toBe('第3部');
    expect(appendixLabel('B', 'fr')).toBe('Annexe B');
    expect([0, 1, 25, 26, 27, 51, 52].map(appendixLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it("keep a part's title with the first piece of a long chapter split for layout", () => {
    const text = 'word '.repeat(400);
    const tree = {
      type: 'root' as const,
      children: [
        h('section', { className: ['part'], id: 'part-1' }, [h('h1', 'Part I')]),
        h('section', { className: ['chapter'], dataChapter: 'long' }, [h('h1', { id: 'long' }, 'Long'), ...Array.from({ length: 6 }, () => h('p', text))]),
      ],
    };
    const chapter: Chapter = {
      id: 'long',
      place: { matter: 'body', role: 'chapter', part: { number: 1, title: 'One', opens: true } },
      file: new VFile(),
      tree,
      outline: [],
      title: 'Long',
      titleId: 'long',
    };
    const parts = splitBook([chapter], 5_000);
    const pieces = parts.flatMap((part) => part.chapters);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.tree.children.map((node) => (node.type === 'element' ? node.properties.className : undefined))).toEqual([['part'], ['chapter']]);
    for (const piece of pieces.slice(1)) expect(JSON.stringify(piece.tree)).not.toContain('part-1');
  });
});
