import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHandle, startBrowser } from '../src/editions/pdf/browser.js';
import { build } from '../src/index.js';
import { epubcheck, readEpub } from './epub-tools.js';
import { expectGalleyError, fixtures, listFiles, tempDirs } from './helpers.js';
import { pageText } from './pdf-tools.js';
import { printBook } from './print-book.js';
import { accessibilityFindings } from './pdf-accessibility.js';

/**
 * Figures, table captions and cross-references (Quarto's syntax): an image alone in
 * its paragraph is a figure, `{#fig-…}` numbers it, `: Caption {#tbl-…}` captions
 * and numbers a table, `@fig-…`, `@tbl-…`, `@sec-…` refer to them in every edition,
 * and in print with the page they are on, whether the book is laid out whole or in
 * parts.
 */
const temp = tempDirs();
const book = fixtures('cross-references');

const html = async (root: string): Promise<Root> => {
  const out = await temp();
  const result = await build({ root, outDir: out, formats: ['html'] });
  return fromHtml(await readFile(result.outputs[0]!.path, 'utf8'));
};
const text = (tree: Root, selector: string) => selectAll(selector, tree).map((node) => textOf(node).replace(/\s+/g, ' ').trim());

describe('figures and captions', () => {
  it('makes an image alone in its paragraph a figure, captioned by its title, numbered when it has a fig- id', async () => {
    const tree = await html(book);
    expect(text(tree, 'figure figcaption')).toEqual([
      'Figure 1: The harbour in 1941',
      'A captioned picture without an id',
      'Figure 2: The river crossing, with its ferry',
    ]);
    const harbour = select('figure#fig-harbour', tree)!;
    expect(harbour.properties.style).toBe('width: 60%');
    expect(select('img', harbour)!.properties.alt).toBe('The harbour at low tide');
    // `fig-alt` describes the image; its bracket text is then its caption.
    expect(select('figure#fig-river img', tree)!.properties.alt).toBe('A river curving across a plain');
    // An image in a sentence stays in it, with its width as a style.
    const icon = selectAll('p img', tree);
    expect(icon.map((img) => [img.properties.alt, img.properties.style, img.properties.width])).toEqual([['a small harbour', 'width: 1.2em', undefined]]);
  });

  it('captions a table from the paragraph after or before it that starts with a colon or “Table:”', async () => {
    const tree = await html(book);
    expect(text(tree, 'table > caption')).toEqual(['Table 1: Garrisons and their strength in May', 'Table 2: Officers by rank']);
    expect(selectAll('table', tree).map((table) => table.properties.id)).toEqual(['tbl-garrisons', 'tbl-officers']);
    // The caption's Markdown is kept; no paragraph is left behind.
    expect(select('#tbl-garrisons caption em', tree)).toBeDefined();
    expect(text(tree, 'p').filter((p) => p.startsWith(':') || p.startsWith('Table:'))).toEqual([]);
  });
});

describe('cross-references', () => {
  it('read “Figure 1”, “Table 2” or the section’s title, and link to it', async () => {
    const tree = await html(book);
    const links = selectAll('a[data-galley-xref]', tree);
    expect(links.map((a) => [textOf(a), a.properties.href])).toEqual([
      ['Figure 1', '#fig-harbour'],
      ['Figure 2', '#fig-river'],
      ['Table 1', '#tbl-garrisons'],
      ['Archives', '#sec-archives'],
      ['Table 1', '#tbl-garrisons'],
      ['Figure 2', '#fig-river'],
      ['Table 2', '#tbl-officers'],
      ['Figure 1', '#fig-harbour'],
      ['Table 1', '#tbl-garrisons'],
    ]);
    // An address is an address; an escaped @ is the text itself.
    const first = text(tree, 'main p')[0]!;
    expect(first).toContain('someone@fig-harbour.org is no reference, and @fig-harbour is the text itself');
    expect(select('a[href="mailto:someone@fig-harbour.org"]', tree)).toBeDefined();
  });

  it('number per chapter with `crossref: chapters: true`', async () => {
    const root = await temp();
    await cp(book, root, { recursive: true });
    const yaml = path.join(root, 'book.yaml');
    await writeFile(yaml, `${await readFile(yaml, 'utf8')}crossref:\n  chapters: true\n`);
    const tree = await html(root);
    expect(text(tree, 'a[data-galley-xref]').slice(0, 4)).toEqual(['Figure 1.1', 'Figure 3.1', 'Table 2.1', 'Archives']);
    expect(text(tree, 'table > caption').map((caption) => caption.split(':')[0])).toEqual(['Table 2.1', 'Table 2.2']);
  });

  it('point at the chapter file in the EPUB, which epubcheck passes', async () => {
    const out = await temp();
    await build({ root: book, outDir: out, formats: ['epub'] });
    const file = path.join(out, 'figures-and-cross-references.epub');
    const epub = await readEpub(file);
    const maps = epub.names.find((name) => name.endsWith('maps.xhtml'))!;
    const hrefs = [...epub.text(maps).matchAll(/<a href="([^"]*)" data-galley-xref/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['#fig-harbour', 'sources.xhtml#fig-river', 'strength.xhtml#tbl-garrisons', 'sources.xhtml#sec-archives']);
    const check = await epubcheck(file);
    expect(check.report.trim()).toBe('');
  });
});

describe('in print, the page of what a cross-reference names', () => {
  let browser: BrowserHandle;
  beforeAll(() => {
    browser = startBrowser({});
  });
  afterAll(() => browser.close());

  /** Each reference's page, against the page its target's caption or heading is on. */
  const references = async (root: string, partSize?: number) => {
    const pdf = await printBook(browser, root, await temp(), { partSize });
    // (Every PDF the tests print meets the PDF/UA conditions checked here.)
    expect(await accessibilityFindings(pdf.bytes)).toEqual([]);
    const { file } = pdf;
    const pages = await Promise.all(Array.from({ length: pdf.pages }, (_x, i) => pageText(file, i + 1)));
    const flat = pages.map((page) => page.replace(/\s+/g, ' '));
    const found: Array<[string, number, number]> = [];
    for (const page of flat) {
      for (const match of page.matchAll(/(Figure \d+|Table \d+|Archives) on page (\d+)/g)) {
        const [, name, at] = match;
        const target = flat.findIndex((p) => (name === 'Archives' ? /\bArchives Back to/.test(p) : p.includes(`${name}:`))) + 1;
        found.push([name!, Number(at), target]);
      }
    }
    return found;
  };

  it('is the page it is on, whether the book is laid out whole or in parts', async () => {
    const whole = await references(book);
    expect(whole).toHaveLength(9);
    for (const [name, at, target] of whole) expect(at, name).toBe(target);
    // Each chapter a part of its own, the first split in two (going on on a new
    // page, so the pages differ): references forward and back between parts.
    const parts = await references(book, 1_000);
    expect(parts.map(([name]) => name)).toEqual(whole.map(([name]) => name));
    expect(parts.map(([, at]) => at)).not.toEqual(whole.map(([, at]) => at));
    for (const [name, at, target] of parts) expect(at, name).toBe(target);
  });
});

describe('images in print', () => {
  /** A book "Plans" (its id ending in `id`) of one chapter, `markdown`, with `images/plan.png` (234 × 331 pixels) beside it. */
  async function plansBook(id: string, markdown: string): Promise<string> {
    const root = await temp();
    await mkdir(path.join(root, 'chapters'));
    await mkdir(path.join(root, 'images'));
    await cp(fixtures('pdf', 'manuscript-page-1.png'), path.join(root, 'images', 'plan.png'));
    await writeFile(
      path.join(root, 'book.yaml'),
      `title: Plans\nlanguage: en\ncreator: Galley Tests\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555${id}\nchapters:\n  - chapters/one.md\n`,
    );
    await writeFile(path.join(root, 'chapters', 'one.md'), markdown);
    return root;
  }

  it('warn of a raster image printed below 200 ppi, at its place, and of no other', async () => {
    // 234 × 331 pixels: at 40 % of an A5 text width (about 1.8 in) some 130 ppi; at 1 cm, 590.
    const root = await plansBook(
      '606',
      '# Plans\n\nA small plan ![plan](../images/plan.png){width=1cm} in the text.\n\n![The plan of the fort](../images/plan.png){#fig-plan width=40%}\n\nAs @fig-plan shows.\n',
    );
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const messages = result.messages.map((m) => `${path.basename(m.file ?? '')}:${m.line}: ${m.reason} [${m.ruleId}]`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^one\.md:5: The image `\.\.\/images\/plan\.png` is printed at 1[3-5]\d ppi: below 200 ppi it looks soft on paper/);
  });

  it('fail the build, at their place, where one is damaged: decoded whole before any edition is made (no broken-image icon in print)', async () => {
    const root = await plansBook('607', '# Plans\n\n![The plan](../images/plan.png){width=1cm}\n\nText.\n\n![A damaged photograph](../images/damaged.png)\n');
    const good = await readFile(fixtures('pdf', 'manuscript-page-1.png'));
    // The PNG signature, then not a PNG: it passes for one until it is decoded.
    await writeFile(path.join(root, 'images', 'damaged.png'), Buffer.concat([good.subarray(0, 8), Buffer.from('not the rest of a PNG '.repeat(20))]));
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['html', 'pdf'] }));
    expect(error.messages.map((m) => `${path.basename(m.file ?? '')}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`)).toEqual([
      expect.stringMatching(
        /^one\.md:7:1: Unexpected file `\.\.\/images\/damaged\.png`: it cannot be read as an image \(Input buffer has corrupt header.*\) \[not-an-image\]$/,
      ),
    ]);
    expect(await listFiles(outDir)).toEqual([]);
  });
});
