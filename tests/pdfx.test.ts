import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib';
import type { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildFailure, build } from '../src/index.js';
import { repoRoot, tempDirs, writeFiles } from './helpers.js';
import { pageText, pdfFonts, pdfInfo, pdfOutline, qpdfCheck, renderPage } from './pdf-tools.js';

const exec = promisify(execFile);
const temp = tempDirs();
const sample = path.join(repoRoot, 'examples', 'sample-book');
let pdfFile: string;
let pdfxFile: string;
let pdfx: PDFDocument;
let pages: number;

beforeAll(async () => {
  const out = await temp();
  const result = await build({ root: sample, outDir: out, formats: ['pdf', 'pdfx'] });
  expect(result.outputs.map((o) => [o.format, path.basename(o.path)])).toEqual([
    ['pdf', 'the-composing-room.pdf'],
    ['pdfx', 'the-composing-room.pdfx.pdf'],
  ]);
  [pdfFile, pdfxFile] = result.outputs.map((o) => o.path) as [string, string];
  pages = result.outputs[0]!.pages!;
  pdfx = await PDFDocument.load(await readFile(pdfxFile), { updateMetadata: false });
}, 180_000);

/** Every object of the file, streams decoded, as qpdf writes it for reading (QDF). */
async function uncompressed(file: string): Promise<string> {
  const out = path.join(await temp(), 'qdf.pdf');
  await exec('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', file, out]);
  return (await readFile(out)).toString('latin1');
}

const boxOf = (page: { node: PDFDict }, name: string) =>
  (page.node.lookup(PDFName.of(name), PDFArray) ?? page.node.lookup(PDFName.of('MediaBox'), PDFArray)).asArray().map((n) => (n as PDFNumber).asNumber());

describe('the press-ready PDF (pdfx)', () => {
  it('is a PDF/X-3:2002 file: PDF 1.3, the PDF/X keys, an output intent with its CMYK profile', async () => {
    const bytes = await readFile(pdfxFile);
    expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.3');
    await qpdfCheck(pdfxFile);
    const info = pdfx.context.lookup(pdfx.context.trailerInfo.Info, PDFDict);
    expect(info.lookup(PDFName.of('GTS_PDFXVersion'), PDFString).decodeText()).toBe('PDF/X-3:2002');
    expect(info.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    const [intent, ...more] = pdfx.catalog
      .lookup(PDFName.of('OutputIntents'), PDFArray)
      .asArray()
      .map((ref) => pdfx.context.lookup(ref, PDFDict));
    expect(more).toEqual([]);
    expect(intent!.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent!.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('CGATS TR 001');
    expect(intent!.lookup(PDFName.of('RegistryName'), PDFString).decodeText()).toBe('http://www.color.org');
    const profile = intent!.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
    expect(profile).toBeInstanceOf(PDFRawStream);
    expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(4);
    // An ICC profile names its device class and colour space in its header: a printer's, CMYK to Lab.
    const { inflateSync } = await import('node:zlib');
    const icc = inflateSync(profile.getContents());
    expect(icc.subarray(12, 24).toString('latin1')).toBe('prtrCMYKLab ');
    expect(pdfx.getPageCount()).toBe(pages);
  });

  it('keeps the metadata, with the build date, and is not encrypted', async () => {
    const [press, plain] = await Promise.all([pdfInfo(pdfxFile), pdfInfo(pdfFile)]);
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Pages', 'Page size']) expect(press[key], key).toBe(plain[key]);
    expect(press.Producer).toMatch(/^Galley .* \(Paged\.js, Chromium, Ghostscript [\d.]+, pdf-lib\)$/);
    expect(press.CreationDate).toBe(plain.CreationDate);
    expect(press.ModDate).toBe(plain.ModDate);
    expect(press.Encrypted).toBe('no');
    expect(pdfx.context.trailerInfo.ID).toBeDefined();
    const info = pdfx.context.lookup(pdfx.context.trailerInfo.Info, PDFDict);
    const text = (key: string) => (info.lookup(PDFName.of(key)) as PDFString | PDFHexString | undefined)?.decodeText();
    expect(text('Identifier')).toBe('urn:uuid:5b8e2d1c-4a7f-4e3b-9c61-0d2f8a7e1b94');
    expect(text('Rights')).toMatch(/^©/);
  });

  it('keeps every page box: TrimBox and BleedBox as in the PDF edition, inside the MediaBox', async () => {
    const plain = await PDFDocument.load(await readFile(pdfFile), { updateMetadata: false });
    const near = (a: number[], b: number[]) => a.every((n, i) => Math.abs(n - b[i]!) < 0.01);
    for (const [i, page] of pdfx.getPages().entries()) {
      const before = plain.getPage(i);
      for (const box of ['MediaBox', 'BleedBox', 'TrimBox']) expect(near(boxOf(page, box), boxOf(before, box)), `page ${i + 1} ${box}`).toBe(true);
      const [trim, bleed] = [boxOf(page, 'TrimBox'), boxOf(page, 'BleedBox')];
      expect(trim[0]! >= bleed[0]! && trim[1]! >= bleed[1]! && trim[2]! <= bleed[2]! && trim[3]! <= bleed[3]!, `page ${i + 1}: trim inside bleed`).toBe(true);
      // The sample book's trim: 5.5 × 8.5 in.
      expect([trim[2]! - trim[0]!, trim[3]! - trim[1]!].map(Math.round)).toEqual([396, 612]);
    }
  });

  it('has only what PDF/X-3 allows: CMYK colour, embedded fonts, no transparency, no annotations, no scripts', async () => {
    const qdf = await uncompressed(pdfxFile);
    // No RGB colour: no RGB operators, no DeviceRGB or three-component ICC spaces.
    expect(qdf).not.toMatch(/[\d.]+ [\d.]+ [\d.]+ (rg|RG)\s/);
    expect(qdf).not.toMatch(/\/DeviceRGB|\/CalRGB/);
    expect(qdf).not.toMatch(/\/N 3\b/);
    // CMYK is used (text and rules in `k`/`K`).
    expect(qdf).toMatch(/[\d.]+ [\d.]+ [\d.]+ [\d.]+ (k|K)\s/);
    // No transparency: soft masks, transparency groups, constant alpha below 1, blend modes.
    expect(qdf).not.toMatch(/\/SMask\s*(?!\/None)[<\d]/);
    expect(qdf).not.toMatch(/\/S \/Transparency/);
    expect(qdf).not.toMatch(/\/(CA|ca) 0?\.\d/);
    expect(qdf).not.toMatch(/\/BM \/(?!Normal|Compatible)/);
    expect(qdf).not.toMatch(/\/Annots|\/JavaScript|\/JS |\/Encrypt|\/LZWDecode/);
    const fonts = await pdfFonts(pdfxFile);
    expect(fonts.length).toBeGreaterThan(3);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.filter((f) => !f.unicode)).toEqual([]);
  });

  it('keeps the bookmarks and page labels', async () => {
    expect(await pdfOutline(pdfxFile)).toEqual(await pdfOutline(pdfFile));
    const qdf = await uncompressed(pdfxFile);
    expect(qdf).toMatch(/\/PageLabels/);
    expect(pdfx.catalog.get(PDFName.of('PageMode'))).toBeUndefined();
    const labels = await exec('pdfinfo', ['-f', '1', '-l', String(pages), pdfxFile]);
    expect(labels.stdout).not.toContain('Syntax Error');
  });

  it('has the same words on every page as the PDF edition (ligatures, quotes and dashes read right)', async () => {
    // The words, in any order (pdftotext orders the labels of a drawing differently), in any case:
    // a small-capital glyph maps to one letter for the whole file, so gs's merged fonts read `Hollis` set in small capitals as `HOLLIS`.
    // (A word hyphenated at a line's end is one word: pdftotext joins it or not by the hyphen's Unicode.)
    const words = (text: string) =>
      text
        .replace(/[-\u2010\u00ad]\n(?=\p{L})/gu, '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .sort();
    for (let page = 1; page <= pages; page++) {
      const [press, plain] = await Promise.all([pageText(pdfxFile, page), pageText(pdfFile, page)]);
      expect(words(press), `page ${page}`).toEqual(words(plain));
    }
    // Text extraction through ligatures and typographic punctuation, which a broken ToUnicode loses.
    const all = (await Promise.all([...Array(pages).keys()].map((i) => pageText(pdfxFile, i + 1)))).join('\n');
    expect(all).toContain('five and a half');
    expect(all).toMatch(/“upper case”/);
  });

  it('looks like the PDF edition on every page (only the colours converted)', async () => {
    for (let page = 1; page <= pages; page++) {
      const [press, plain]: [PNG, PNG] = await Promise.all([renderPage(pdfxFile, page, 30), renderPage(pdfFile, page, 30)]);
      expect([press.width, press.height]).toEqual([plain.width, plain.height]);
      let sum = 0;
      for (let i = 0; i < press.data.length; i += 4) {
        const grey = (data: Buffer) => (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        sum += Math.abs(grey(press.data) - grey(plain.data));
      }
      // Mean difference in grey levels (0–255) per pixel: colour conversion moves it a little, lost content a lot.
      expect(sum / (press.width * press.height), `page ${page}`).toBeLessThan(8);
    }
  });

  it('is reproducible: the same book gives the same bytes', async () => {
    const out = await temp();
    const again = await build({ root: sample, outDir: out, formats: ['pdfx'] });
    expect((await readFile(again.outputs[0]!.path)).equals(await readFile(pdfxFile))).toBe(true);
  }, 180_000);

  it('warns of each page Ghostscript had to print as an image, for its transparency', async () => {
    const dir = await temp();
    await writeFiles(dir, {
      'chapters/one.md': '# One\n\nPlain text.\n\n# Two {.faded}\n\nText under a faded title.\n',
      'styles/house.css': 'h1.faded { opacity: 0.5; }\n',
      'book.yaml':
        'title: Faded\nlanguage: en\ncreator: A\ndate: 2026-01-01\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a21\nstyles: [styles/house.css]\nchapters: [chapters/one.md]\n',
    });
    const result = await build({ root: dir, outDir: await temp(), formats: ['pdfx'] });
    const pdfxPath = result.outputs[0]!.path;
    // The chapter's page (5, after the title page and the contents): no text left.
    const faded = (await pageText(pdfxPath, 5)).trim() === '' ? 5 : undefined;
    expect(result.messages.map((m) => `${m.ruleId}: ${m.reason.slice(0, 60)}`)).toEqual([
      `pdfx-flattened: The press-ready PDF prints page ${faded ?? '?'} as an image: it holds tran`,
    ]);
    // The pages without transparency stay text.
    const { stdout } = await exec('pdftotext', [pdfxPath, '-']);
    expect(stdout).toContain('Contents');
  }, 180_000);

  it('without Ghostscript, fails with how to install it and writes nothing', async () => {
    const out = await temp();
    const saved = process.env.GALLEY_GHOSTSCRIPT;
    process.env.GALLEY_GHOSTSCRIPT = path.join(out, 'no-gs');
    try {
      const failure = await build({ root: sample, outDir: out, formats: ['pdf', 'pdfx'] }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BuildFailure);
      expect((failure as Error).message).toBe(
        `GALLEY_GHOSTSCRIPT names ${path.join(out, 'no-gs')}, which does not exist. The press-ready PDF (format pdfx) is made with Ghostscript 9.50 or later: install it (Debian/Ubuntu: \`sudo apt-get install ghostscript\`; macOS: \`brew install ghostscript\`), or point GALLEY_GHOSTSCRIPT at its executable.`,
      );
    } finally {
      if (saved === undefined) delete process.env.GALLEY_GHOSTSCRIPT;
      else process.env.GALLEY_GHOSTSCRIPT = saved;
    }
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(out)).toEqual([]);
  }, 180_000);
});
