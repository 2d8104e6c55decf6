import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { postProcess } from '../src/editions/pdf/post-process.js';
import { BuildFailure, build } from '../src/index.js';
import { accessibilityFindings } from './pdf-accessibility.js';
import { expectGalleyError, formatAll, listFiles, repoRoot, tempDirs, writeFiles } from './helpers.js';

/**
 * `--pdf-standard pdfua-1`: the PDF claims PDF/UA-1 (`pdfuaid:part` 1 in its XMP)
 * only once the build has checked it (src/editions/pdf/pdfua.ts); what the text
 * must give for it (header cells, glyphs) stops the build at its place. (With
 * PDF/A-2b too: tests/pdfa.test.ts builds six books to both.)
 */
const temp = tempDirs();
const manuscript = path.join(repoRoot, 'manuscript');
const xmpOf = async (bytes: Uint8Array) => {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const stream = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata')));
  return stream instanceof PDFRawStream ? new TextDecoder().decode(stream.getContents()) : '';
};

describe('--pdf-standard pdfua-1', () => {
  let claimed: Uint8Array;
  let plain: Uint8Array;
  beforeAll(async () => {
    const ua = await build({ root: manuscript, outDir: await temp(), formats: ['pdf'], pdfStandard: 'pdfua-1' });
    claimed = await readFile(ua.outputs[0]!.path);
    plain = await readFile((await build({ root: manuscript, outDir: await temp(), formats: ['pdf'] })).outputs[0]!.path);
  }, 120_000);

  it('claims PDF/UA-1 in the XMP (and no PDF/A, nor PDF/A’s description of the schema), and meets the conditions checked here', async () => {
    const xmp = await xmpOf(claimed);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(xmp).not.toContain('pdfaid:');
    expect(xmp).not.toContain('pdfaExtension');
    expect(await accessibilityFindings(claimed)).toEqual([]);
  });

  it('claims nothing without it', async () => {
    expect(await xmpOf(plain)).not.toContain('pdfuaid');
  });

  it('stops at a data table without header cells, naming its place, and writes nothing; without the standard, a warning', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: Cells\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555511\nchapters: [one.md]\n',
      'one.md': '# One\n\nA table:\n\n<table><tr><td>a</td><td>1</td></tr></table>\n',
    });
    const out = path.join(root, 'out');
    const error = await expectGalleyError(() => build({ root, outDir: out, formats: ['pdf'], pdfStandard: 'pdfua-1' }));
    expect(formatAll(error.messages, root)).toContain(
      'one.md:5:1: error: Table without header cells, which PDF/UA-1 forbids: a reader who cannot see it cannot tell what its columns hold (write a header row, or `<th>` cells in raw HTML) [table-headers]',
    );
    expect(await listFiles(out)).toEqual([]);
    const built = await build({ root, outDir: out, formats: ['pdf'] });
    expect(formatAll(built.messages, root)).toMatch(/^one\.md:5:1: warning: Table without header cells;.*\[table-headers\]$/m);
  });

  it('stops at a table with data cells no header cell heads (Chromium tags them with an empty /Headers), naming the table', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: Cells\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555513\nchapters: [one.md]\n',
      'one.md': [
        '# One',
        '<table><tr><th>a</th><td>b</td></tr><tr><td>c</td><td>y</td></tr></table>',
        'Tables headed by their rows, by their columns with a spanning header, by a header spanning rows, a Markdown table with an empty corner:',
        '<table><tr><th>a</th><td>b</td></tr><tr><th>c</th><td>y</td></tr></table>',
        '<table><thead><tr><th colspan="2">a</th></tr></thead><tbody><tr><td>b</td><td>c</td></tr></tbody></table>',
        '<table><tr><th rowspan="2">Left</th><td>1</td></tr><tr><td>2</td></tr></table>',
        '| | Linotype | Monotype |\n|:--|:--|:--|\n| What is cast | a line | a type |',
        '',
      ].join('\n\n'),
    });
    const error = await expectGalleyError(() => build({ root, outDir: path.join(root, 'out'), formats: ['pdf'], pdfStandard: 'pdfua-1' }));
    expect(formatAll(error.messages, root)).toBe(
      'one.md:3:1: error: Table with data cells that no header cell heads (none in their row, none above them in their column), which PDF/UA-1 forbids (start the table with a header row, or give each row a `<th>`) [table-headers]\n',
    );
  });

  it('stops at a character no shipped font has: PDF/UA forbids the box it prints as', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: Boxes\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555512\nchapters: [one.md]\n',
      'one.md': '# One\n\nA clef: 𝄞.\n',
    });
    const error = await expectGalleyError(() => build({ root, outDir: path.join(root, 'out'), formats: ['pdf'], pdfStandard: ['pdfua-1', 'pdfa-2b'] }));
    expect(formatAll(error.messages, root)).toBe(
      'one.md:3:9: error: No shipped font has the character ‘𝄞’ (U+1D11E); it prints as a box, which PDF/UA-1 and PDF/A-2b forbid [missing-glyph]\n',
    );
  });

  it('writes no claim the file does not meet: a file that fails a condition stops the build', async () => {
    const pdf = await PDFDocument.load(plain, { updateMetadata: false });
    pdf.catalog.delete(PDFName.of('MarkInfo'));
    const { config } = await makeBook(manuscript);
    const failure = await postProcess(pdf, { config, date: undefined, standards: ['pdfua-1'] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as Error).message).toMatch(
      /^The PDF does not meet PDF\/UA-1, so it is not written as PDF\/UA: MarkInfo \/Marked is not true \(Matterhorn 01 marked\)/,
    );
    // The same file, whole, is written.
    const whole = await PDFDocument.load(plain, { updateMetadata: false });
    expect(await xmpOf(await postProcess(whole, { config, date: undefined, standards: ['pdfua-1'] }))).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });
});
