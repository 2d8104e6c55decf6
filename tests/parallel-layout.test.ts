import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFArray, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityFindings } from './pdf-accessibility.js';
import { makeBook } from '../src/build/make-book.js';
import { type BrowserHandle, startBrowser } from '../src/editions/pdf/browser.js';
import { printDocuments } from '../src/editions/pdf/layout-document.js';
import type { PageStart } from '../src/model/print-layout.js';
import { BuildFailure } from '../src/shared/messages.js';
import { tempDirs } from './helpers.js';
import { printBook } from './print-book.js';
import { pageText, pdfFonts, pdfOutline, qpdfCheck } from './pdf-tools.js';

const temp = tempDirs();
let browser: BrowserHandle;
beforeAll(() => {
  browser = startBrowser({});
});
afterAll(() => browser.close());

const vocabulary =
  'army camp revolt officers party city river bridge council treaty garrison harbour railway station province governor letter archive witness column'.split(
    ' ',
  );

/** A deterministic paragraph of `words` words. */
function paragraph(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocabulary[(seed * 7 + i * 13 + Math.floor(i / 5)) % vocabulary.length]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Chapters of different lengths (so that some end on a right-hand page), linked to one another. */
async function writeBook(dir: string, chapters: Array<{ paragraphs: number; sections?: number; untitled?: boolean }>): Promise<void> {
  await mkdir(path.join(dir, 'chapters'), { recursive: true });
  const names = chapters.map((_c, i) => `chapters/${String(i + 1).padStart(2, '0')}.md`);
  for (const [i, chapter] of chapters.entries()) {
    const lines = chapter.untitled ? [] : [`# Chapter ${i + 1}`, ''];
    const next = names[(i + 1) % names.length]!;
    const fragment = chapters[(i + 1) % names.length]!.untitled ? '' : `#chapter-${((i + 1) % names.length) + 1}`;
    lines.push(`This chapter goes on in [the next one](${path.basename(next)}${fragment}).`, '');
    // A heading in another script: its id is not ASCII, and the contents link to it from another part.
    if (i === 4) lines.push('## Σκοπός και τέλος', '');
    const sections = chapter.sections ?? 1;
    for (let s = 1; s <= sections; s++) {
      if (sections > 1) lines.push(`## Section ${i + 1}.${s}`, '');
      for (let p = 0; p < chapter.paragraphs; p++) lines.push(paragraph(i * 1000 + s * 100 + p, 60 + ((p * 17) % 50)), '');
    }
    await writeFile(path.join(dir, names[i]!), lines.join('\n'));
  }
  const yaml = [
    'title: Parts and Wholes',
    'identifier: urn:uuid:6f1c2a8e-0d4b-4f7a-9b1e-3c5d7e9f1a2b',
    'language: en',
    'creator: Galley tests',
    'date: 2026-01-01',
    'trim: A5',
    'chapters:',
    ...names.map((n) => `  - ${n}`),
    '',
  ];
  await writeFile(path.join(dir, 'book.yaml'), yaml.join('\n'));
}

async function buildPdf(
  root: string,
  options: { partSize: number; jobs?: number; timeout?: number },
): Promise<{ file: string; bytes: Uint8Array; pages: number; pageStarts: readonly PageStart[] }> {
  const pdf = await printBook(browser, root, await temp(), options);
  return { file: pdf.file, bytes: pdf.bytes, pages: pdf.pages, pageStarts: pdf.layout.pageStarts };
}

/** Every link annotation's target: the page it is on and the page it goes to (1-based). */
async function linkTargets(file: string): Promise<Array<[number, number]>> {
  const pdf = await PDFDocument.load(await import('node:fs/promises').then((fs) => fs.readFile(file)));
  const pages = pdf.getPages();
  const index = new Map(pages.map((page, i) => [page.ref.toString(), i + 1]));
  const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const targets: Array<[number, number]> = [];
  pages.forEach((page, i) => {
    for (const annot of page.node.Annots()?.asArray() ?? []) {
      const link = pdf.context.lookup(annot, PDFDict);
      const dest = link.get(PDFName.of('Dest'));
      // A named destination (links inside a part) or an explicit one (links between parts).
      const array = dest instanceof PDFName ? dests.lookup(dest, PDFArray) : dest instanceof PDFArray ? dest : undefined;
      if (!array) continue;
      targets.push([i + 1, index.get((array.get(0) as PDFRef).toString())!]);
    }
  });
  return targets;
}

const exec = promisify(execFile);
/** One page's text as `pdftotext -layout` places it (running head first, folio last). */
const layoutText = async (file: string, page: number) => (await exec('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'])).stdout;

const texts = async (file: string, pages: number) => Promise.all(Array.from({ length: pages }, (_x, i) => pageText(file, i + 1)));

describe('a book laid out in parts, in parallel', () => {
  const chapters = [9, 4, 13, 6, 2, 11, 7, 5, 8].map((paragraphs) => ({ paragraphs }));

  it('is the book laid out whole: the same pages, folios, running heads, contents, outline and links', async () => {
    const root = await temp();
    await writeBook(root, chapters);
    const parts = (await printDocuments(await makeBook(root), { partSize: 10_000 })).parts;
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.every((part) => !part.continues)).toBe(true);
    const whole = await buildPdf(root, { partSize: Number.POSITIVE_INFINITY });
    const split = await buildPdf(root, { partSize: 10_000 });
    expect(split.pages).toBe(whole.pages);
    const splitTexts = await texts(split.file, split.pages);
    expect(splitTexts).toEqual(await texts(whole.file, whole.pages));
    // Blank pages before chapters that would start on a left-hand page, as in the whole book.
    expect(splitTexts.filter((text) => text.trim() === '').length).toBeGreaterThan(0);
    expect(await pdfOutline(split.file)).toEqual(await pdfOutline(whole.file));
    const links = await linkTargets(split.file);
    expect(links.length).toBe(chapters.length * 2 + 1);
    expect(links).toEqual(await linkTargets(whole.file));
    // Each part's font subsets keep names of their own.
    const fonts = await pdfFonts(split.file);
    expect(new Set(fonts.map((font) => font.name)).size).toBe(fonts.length);
    // The e-book's page list: the same page starts.
    expect(split.pageStarts.length).toBeGreaterThan(split.pages / 2);
    expect(split.pageStarts).toEqual(whole.pageStarts);
    await qpdfCheck(split.file);
  });

  it('keeps the outline whole when the first part of chapters has none (a chapter without headings)', async () => {
    const root = await temp();
    await writeBook(root, [{ paragraphs: 16, untitled: true }, ...chapters.slice(1)]);
    const parts = (await printDocuments(await makeBook(root), { partSize: 10_000 })).parts;
    expect(parts[1]!.chapters.map((chapter) => chapter.outline.length)).toEqual([0]);
    const whole = await buildPdf(root, { partSize: Number.POSITIVE_INFINITY });
    const split = await buildPdf(root, { partSize: 10_000 });
    const outline = await pdfOutline(split.file);
    expect(outline.map((item) => item.title)).toContain('Chapter 2');
    expect(outline).toEqual(await pdfOutline(whole.file));
    expect(await linkTargets(split.file)).toEqual(await linkTargets(whole.file));
  });

  it('gives the same bytes whatever the number of jobs, build after build', async () => {
    const root = await temp();
    await writeBook(root, chapters);
    const one = await buildPdf(root, { partSize: 10_000, jobs: 1 });
    const three = await buildPdf(root, { partSize: 10_000, jobs: 3 });
    const again = await buildPdf(root, { partSize: 10_000, jobs: 3 });
    expect(Buffer.from(three.bytes).equals(Buffer.from(one.bytes))).toBe(true);
    expect(Buffer.from(again.bytes).equals(Buffer.from(one.bytes))).toBe(true);
  });

  it('keeps one structure tree: every part’s elements under one document element, the parent tree numbered through', async () => {
    const root = await temp();
    await writeBook(root, chapters);
    const split = await buildPdf(root, { partSize: 10_000 });
    const pdf = await PDFDocument.load(split.bytes);
    const structRoot = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const documentElement = structRoot.lookup(PDFName.of('K'), PDFDict);
    expect(documentElement.get(PDFName.of('S'))).toEqual(PDFName.of('Document'));
    const nums = structRoot.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const keys = nums
      .asArray()
      .filter((_x, i) => i % 2 === 0)
      .map((key) => Number(key.toString()));
    expect(keys).toEqual(keys.map((_k, i) => i));
    // Every page with content points into the parent tree, each at its own key.
    const pageKeys = pdf.getPages().map((page) => page.node.get(PDFName.of('StructParents'))?.toString());
    const used = pageKeys.filter((key) => key !== undefined);
    expect(new Set(used).size).toBe(used.length);
    // Joined, the book still meets the PDF/UA conditions checked (role map, metadata, link descriptions).
    expect(await accessibilityFindings(split.bytes)).toEqual([]);
  });
});

describe('a chapter too long for one part', () => {
  it('goes on in the next parts, on the page after, with its running heads and folios, on either side', async () => {
    const root = await temp();
    await writeBook(root, [{ paragraphs: 3 }, { paragraphs: 4, sections: 14 }, { paragraphs: 5 }]);
    const book = await makeBook(root);
    const parts = (await printDocuments(book, { partSize: 5_000 })).parts;
    const continuing = parts.filter((part) => part.continues);
    expect(continuing.length).toBeGreaterThan(3);
    const { file, pages } = await buildPdf(root, { partSize: 5_000 });
    const pageTexts = await texts(file, pages);
    // Every section is there, in order.
    const all = pageTexts.join('\n');
    // (The last time each heading is there: the contents list them first.)
    const order = Array.from({ length: 14 }, (_x, s) => all.lastIndexOf(`Section 2.${s + 1}\n`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    // Each continuing part starts a page with its first section, on left- and on right-hand pages.
    const sides = new Set<string>();
    for (const part of continuing) {
      const first = /Section 2\.\d+/.exec(JSON.stringify(part.chapters[0]!.tree))![0];
      const page = pageTexts.findLastIndex((text) => text.includes(`${first}\n`)) + 1;
      expect(pageTexts[page - 1]!.indexOf(first)).toBeLessThan(40);
      sides.add(page % 2 === 0 ? 'left' : 'right');
    }
    expect([...sides].sort()).toEqual(['left', 'right']);
    // Folios run through; left-hand pages carry the book's title, right-hand pages the section.
    const opening = pageTexts.findLastIndex((text) => text.includes('Chapter 2\n')) + 1;
    const chapterPages = pageTexts.map((text, i) => ({ text, page: i + 1 })).filter(({ text, page }) => page >= opening && /Section 2\./.test(text));
    expect(chapterPages.length).toBeGreaterThan(10);
    for (const { page } of chapterPages) {
      const lines = (await layoutText(file, page))
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      expect(lines[lines.length - 1]).toBe(String(page));
      if (!/^(Section 2\.\d+|Chapter 2)$/.test(lines[0]!)) {
        if (page % 2 === 0) expect(lines[0]).toBe('PARTS AND WHOLES');
        else expect(lines[0]).toMatch(/^(SECTION 2\.\d+|CHAPTER 2)$/);
      }
    }
    // The outline nests the sections of every part under their chapter.
    const outline = await pdfOutline(file);
    const chapter = outline.find((item) => item.title === 'Chapter 2')!;
    expect(chapter.kids.map((kid) => kid.title)).toEqual(Array.from({ length: 14 }, (_x, s) => `Section 2.${s + 1}`));
    await qpdfCheck(file);
  });
});

describe('the time limit', () => {
  it('bounds the whole PDF edition and says how far the layout got', async () => {
    const root = await temp();
    await writeBook(root, [{ paragraphs: 40 }, { paragraphs: 40 }, { paragraphs: 40 }, { paragraphs: 40 }]);
    await browser.session();
    const started = Date.now();
    const failure = await buildPdf(root, { partSize: 5_000, timeout: 2_500 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as Error).message).toMatch(
      /^The PDF edition failed: Laying out and printing the book did not finish within 3 s \(raise it with --timeout\); it had got to (“Chapter \d” \(.*chapters\/0\d\.md\)|the title page and contents), page \d+/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    // The browser is still good for the next build.
    expect((await buildPdf(root, { partSize: 50_000 })).pages).toBeGreaterThan(10);
  });
});
