import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../src/index.js';
import { ace, epubcheck, firstEntry, readEpub } from './epub-tools.js';
import { fixtures, formatAll, repoRoot, tempDirs } from './helpers.js';
import { pageText } from './pdf-tools.js';

const temp = tempDirs();
let out: string;
let epub: string;
let pdf: string;

beforeAll(async () => {
  out = await temp();
  const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: out, formats: ['pdf', 'epub'] });
  pdf = result.outputs.find((o) => o.format === 'pdf')!.path;
  epub = result.outputs.find((o) => o.format === 'epub')!.path;
});

describe('EPUB of the manuscript (built with the PDF)', () => {
  it('passes epubcheck with no messages', async () => {
    const check = await epubcheck(epub);
    expect(check.report.trim()).toBe('');
    expect(check.ok).toBe(true);
  });

  it('has no accessibility violation Ace by DAISY can find', async () => {
    expect(await ace(epub)).toEqual([]);
  });

  it('starts with mimetype, stored, with no extra field', async () => {
    const { bytes } = await readEpub(epub);
    expect(firstEntry(bytes)).toEqual({ name: 'mimetype', method: 0, extraLength: 0, data: 'application/epub+zip' });
  });

  it('has a fixed entry order', async () => {
    const { names } = await readEpub(epub);
    expect(names).toMatchInlineSnapshot(`
      [
        "mimetype",
        "META-INF/container.xml",
        "EPUB/package.opf",
        "EPUB/text/cover.xhtml",
        "EPUB/text/title.xhtml",
        "EPUB/nav.xhtml",
        "EPUB/text/ar-rashid-revolt.xhtml",
        "EPUB/styles/epub.css",
        "EPUB/fonts/source-serif-4-latin-400-normal.woff2",
        "EPUB/fonts/source-serif-4-latin-400-italic.woff2",
        "EPUB/fonts/source-serif-4-latin-700-normal.woff2",
        "EPUB/fonts/source-serif-4-latin-ext-400-normal.woff2",
        "EPUB/fonts/source-serif-4-latin-ext-400-italic.woff2",
        "EPUB/fonts/source-serif-4-latin-ext-700-normal.woff2",
        "EPUB/images/_cover.png",
      ]
    `);
  });

  it.each([
    'META-INF/container.xml',
    'EPUB/package.opf',
    'EPUB/nav.xhtml',
    'EPUB/text/cover.xhtml',
    'EPUB/text/title.xhtml',
    'EPUB/text/ar-rashid-revolt.xhtml',
  ])('matches the expected %s', async (name) => {
    const { text } = await readEpub(epub);
    await expect(text(name)).toMatchFileSnapshot(fixtures('epub', 'manuscript', name));
  });

  it('uses the print title page as the cover image', async () => {
    const { text, names } = await readEpub(epub);
    expect(names).toContain('EPUB/images/_cover.png');
    expect(text('EPUB/package.opf')).toContain('<item id="cover-image" href="images/_cover.png" media-type="image/png" properties="cover-image" />');
    const png = (await readEpub(epub)).bytes;
    expect(png.length).toBeGreaterThan(0);
  });

  it('marks every print page where it starts in the PDF', async () => {
    const { text } = await readEpub(epub);
    const chapter = text('EPUB/text/ar-rashid-revolt.xhtml');
    const plain = (s: string) =>
      s
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;/g, "'")
        .replace(/\s+/g, ' ');
    const markers = [...chapter.matchAll(/<span id="page-(\d+)"[^>]*role="doc-pagebreak"[^>]*\/>/g)];
    expect(markers.map((m) => m[1])).toEqual(['5', '6', '7', '8', '9']);
    for (const marker of markers) {
      const after = plain(chapter.slice(marker.index! + marker[0].length))
        .trim()
        .split(' ')
        .slice(1, 4)
        .join(' ');
      const page = (await pageText(pdf, Number(marker[1]))).replace(/\u00ad/g, '').replace(/\s+/g, ' ');
      expect(page, `page ${marker[1]} holds the words after its marker`).toContain(after);
    }
  });

  it('is byte-identical when built again', async () => {
    const again = await temp();
    const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: again, formats: ['pdf', 'epub'] });
    const second = result.outputs.find((o) => o.format === 'epub')!.path;
    expect((await readFile(epub)).equals(await readFile(second))).toBe(true);
  });
});

describe('EPUB without a print edition', () => {
  const cases = readdirSync(fixtures('html'));

  it.each(cases)('fixture %s passes epubcheck, and Ace where Galley warned of no accessibility gap', async (name) => {
    const tmp = await temp();
    const root = fixtures('html', name, 'input');
    const result = await build({ root, outDir: tmp, formats: ['epub'] });
    const file = result.outputs[0]!.path;
    const check = await epubcheck(file);
    expect(check.report.trim()).toBe('');
    const { names, text } = await readEpub(file);
    expect(names).toContain('EPUB/images/_cover.svg');
    expect(text('EPUB/nav.xhtml')).not.toContain('page-list');
    await expect(formatAll(result.messages, root)).toMatchFileSnapshot(fixtures('epub', name, 'messages.txt'));
    // A gap in the manuscript (an image with no description, …) is the author's to
    // close, and the build said so; any other violation would be Galley's.
    const gaps = result.messages.some((m) => ['missing-alt', 'table-headers', 'heading-order'].includes(m.ruleId ?? ''));
    if (!gaps) expect(await ace(file)).toEqual([]);
  });

  it('links footnotes and headings across chapter files', async () => {
    const tmp = await temp();
    const result = await build({ root: fixtures('html', 'multi-chapter', 'input'), outDir: tmp, formats: ['epub'] });
    const { text } = await readEpub(result.outputs[0]!.path);
    const second = text('EPUB/text/second-part.xhtml');
    expect(second).toContain('<a href="#background-1">background</a>');
    expect(second).toContain('epub:type="noteref" role="doc-noteref"');
    expect(second).toContain('epub:type="endnotes" role="doc-endnotes"');
    expect(text('EPUB/nav.xhtml')).toContain('<a href="text/second-part.xhtml#background-1">Background</a>');
  });

  it('takes dcterms:modified from SOURCE_DATE_EPOCH', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    try {
      const result = await build({ root: fixtures('html', 'person', 'input'), outDir: await temp(), formats: ['epub'] });
      const { text } = await readEpub(result.outputs[0]!.path);
      expect(text('EPUB/package.opf')).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
