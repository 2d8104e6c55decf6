import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildFailure, build } from '../src/index.js';
import { MAX_NAME_BYTES, shortenDestinationNames } from '../src/editions/pdf/short-names.js';
import { expectGalleyError, fixtures, formatAll, listFiles, repoRoot, splitProgress, tempDirs, writeFiles } from './helpers.js';
import { notRelaxed, pdfa2Findings, preflight } from './pdfa-checks.js';
import { accessibilityFindings } from './pdf-accessibility.js';

const run = promisify(execFile);
const temp = tempDirs();
const cli = path.join(repoRoot, 'dist', 'bin', 'galley.js');

/** Books that exercise what PDF/A cares about: pages past Chromium's 32,767 coordinates, transparency (an image with alpha, opacity), long ids in Arabic, parts joined. */
const books = {
  manuscript: path.join(repoRoot, 'manuscript'),
  sample: path.join(repoRoot, 'examples', 'sample-book'),
  constructs: path.join(repoRoot, 'tests', 'corpus', '12-markdown-constructs'),
  arabic: path.join(repoRoot, 'tests', 'corpus', '08-arabic'),
  sixty: path.join(repoRoot, 'tests', 'corpus', '21-sixty-chapters'),
  transparent: fixtures('pdfa', 'transparent'),
};

const built = new Map<keyof typeof books, string>();

beforeAll(async () => {
  for (const [name, root] of Object.entries(books) as Array<[keyof typeof books, string]>) {
    // (Both standards at once: each book is PDF/UA-1 too, checked by the build before it says so.)
    const result = await build({ root, outDir: await temp(), formats: ['pdf'], pdfStandard: ['pdfa-2b', 'pdfua-1'] });
    built.set(name, result.outputs[0]!.path);
  }
}, 600_000);

describe('--pdf-standard pdfa-2b', () => {
  it.each(Object.keys(books) as Array<keyof typeof books>)(
    'makes %s a PDF/A-2b file (and PDF/UA-1, asked for with it): Preflight finds nothing PDF/A-2 does not relax, our PDF/A-2 checks nothing',
    async (name) => {
      const file = built.get(name)!;
      // (Preflight checks the XMP's schemas too: PDF/UA's is described in the file, as PDF/A asks.)
      expect(notRelaxed(await preflight(file))).toEqual([]);
      expect(await pdfa2Findings(await readFile(file))).toEqual([]);
      // Archival and accessible: the PDF/UA conditions checked here hold too.
      expect(await accessibilityFindings(await readFile(file))).toEqual([]);
    },
  );

  it('is what the relaxed Preflight errors say it is: the identification says part 2, and nothing else is relaxed on the article', async () => {
    const codes = [...new Set((await preflight(built.get('manuscript')!)).map((error) => error.code))].sort();
    expect(codes).toEqual(['3.1.11', '7.11.2']);
  });

  it('gives the same bytes build after build', async () => {
    const again = await build({ root: books.sample, outDir: await temp(), formats: ['pdf'], pdfStandard: ['pdfa-2b', 'pdfua-1'] });
    expect(Buffer.compare(await readFile(again.outputs[0]!.path), await readFile(built.get('sample')!))).toBe(0);
  });

  it('stops at a character no shipped font has (PDF/A forbids the box it prints as), naming its place, and writes nothing', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: Boxes\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555501\nchapters: [one.md]\n',
      'one.md': '# One\n\nA clef: 𝄞.\n',
    });
    const out = path.join(root, 'out');
    const error = await expectGalleyError(() => build({ root, outDir: out, formats: ['pdf'], pdfStandard: 'pdfa-2b' }));
    expect(formatAll(error.messages, root)).toBe(
      'one.md:3:9: error: No shipped font has the character ‘𝄞’ (U+1D11E); it prints as a box, which PDF/A-2b forbids [missing-glyph]\n',
    );
    expect(await listFiles(out)).toEqual([]);
    // Without the standard, the same book builds with a warning, and its PDF shows .notdef (the box of
    // whichever font Chromium ends its search with): the check sees it.
    const plain = await build({ root, outDir: out, formats: ['pdf'] });
    expect(await pdfa2Findings(await readFile(plain.outputs[0]!.path))).toContainEqual(
      expect.stringMatching(/^notdef: page 5 shows the \.notdef glyph \(\/[A-Z]{6}\+[\w-]+\)$/),
    );
  });

  it('names the line of book.yaml where a character no font has is given: creators, rights, a part title', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': [
        'title: Boxes',
        'language: en',
        'creator:',
        '  - C',
        '  - ᚠ runes',
        'rights: © ᚢ',
        'identifier: urn:uuid:11111111-2222-4333-8444-555555555504',
        'chapters:',
        '  - part: The 𝄞 part',
        '    chapters: [one.md]',
        '',
      ].join('\n'),
      'one.md': '# One\n\nText.\n',
    });
    const error = await expectGalleyError(() => build({ root, outDir: path.join(root, 'out'), formats: ['pdf'], pdfStandard: 'pdfa-2b' }));
    expect(formatAll(error.messages, root)).toBe(
      [
        'book.yaml:5:5: error: No shipped font has the character ‘ᚠ’ (U+16A0); it prints as a box, which PDF/A-2b forbids [missing-glyph]',
        'book.yaml:6:9: error: No shipped font has the character ‘ᚢ’ (U+16A2); it prints as a box, which PDF/A-2b forbids [missing-glyph]',
        'book.yaml:9:11: error: No shipped font has the character ‘𝄞’ (U+1D11E); it prints as a box, which PDF/A-2b forbids [missing-glyph]',
        '',
      ].join('\n'),
    );
  });

  it('sets a running head in capitals the fonts draw: a Greek capital no font has with its accent, without it', async () => {
    const greek = await temp();
    await writeFiles(greek, {
      'book.yaml': 'title: Περὶ ψυχῆς\nlanguage: grc\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555502\nchapters: [one.md]\n',
      'one.md': `# Ἕν\n\n${'Λόγος ἐστίν. '.repeat(400)}\n`,
    });
    // (ῆ in capitals is Η + ◌͂, which no font has whole: a box on every left-hand page, and PDF/A refused the book.)
    const built = await build({ root: greek, outDir: path.join(greek, 'out'), formats: ['pdf'], pdfStandard: 'pdfa-2b' });
    const text = (await promisify(execFile)('pdftotext', ['-f', '6', '-l', '6', built.outputs[0]!.path, '-'])).stdout;
    expect(text).toContain('ΠΕΡῚ ΨΥΧΗΣ');
  });

  it('stops at a .notdef glyph the text check cannot see: a style sheet’s `content`', async () => {
    const styled = await temp();
    await writeFiles(styled, {
      'book.yaml': 'title: Runes\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555503\nchapters: [one.md]\nstyles: [h.css]\n',
      'h.css': 'p::after { content: " \\16A0"; }\n',
      'one.md': '# One\n\nA paragraph.\n',
    });
    const out = path.join(styled, 'out');
    const failure = await build({ root: styled, outDir: out, formats: ['pdf'], pdfStandard: 'pdfa-2b' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as Error).message).toMatch(
      /^PDF\/A-2b forbids the \.notdef glyph, and the book draws it where a character has no glyph in the font: on page/,
    );
    expect((failure as Error).message).toMatch(/page 5 \(/);
    expect(await listFiles(out)).toEqual([]);
  });

  it('stops at a string longer than PDF/A allows (32,767 bytes), naming what holds it', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': `title: Long\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555505\ndescription: ${'word '.repeat(8000)}\nchapters: [one.md]\n`,
      'one.md': '# One\n\nA paragraph.\n',
    });
    const failure = await build({ root, outDir: path.join(root, 'out'), formats: ['pdf'], pdfStandard: 'pdfa-2b' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as Error).message).toMatch(
      /^PDF\/A limits a string to 32767 bytes, and the PDF has longer ones: the description \(book\.yaml `description`\): \d+ bytes/,
    );
    expect(await listFiles(path.join(root, 'out'))).toEqual([]);
  });

  it('takes the standard from the command line, and refuses one it does not know', async () => {
    const out = await temp();
    await run(process.execPath, [cli, 'build', 'manuscript', '--out', out, '--format', 'pdf', '--pdf-standard', 'pdfa'], { cwd: repoRoot });
    expect(await pdfa2Findings(await readFile(path.join(out, 'ar-rashid-revolt.pdf')))).toEqual([]);
    const wrong = await run(process.execPath, [cli, 'build', 'manuscript', '--out', out, '--pdf-standard', 'pdfx'], { cwd: repoRoot }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((wrong as { code: number }).code).toBe(2);
    expect(splitProgress((wrong as { stderr: string }).stderr).rest).toMatch(
      /error: option '--pdf-standard <names>' argument 'pdfx' is invalid\. expected one of pdfa-2b, pdfua-1, pdfa, pdf\/a-2b, pdfua, pdf\/ua, pdf\/ua-1, not "pdfx"/,
    );
  });
});

describe('the PDF/A-2 checks', () => {
  let plain: Uint8Array;
  beforeAll(async () => {
    plain = await readFile((await build({ root: books.manuscript, outDir: await temp(), formats: ['pdf'] })).outputs[0]!.path);
  });

  it('find a PDF made to no standard: no identification, no output intent', async () => {
    expect(await pdfa2Findings(plain)).toEqual([
      'identification: the XMP does not say PDF/A-2b (pdfaid:part 2, pdfaid:conformance B)',
      'output intent: not exactly one GTS_PDFA1 output intent',
    ]);
  });

  it('find a hidden annotation, a non-standard blend mode and a name too long', async () => {
    const pdf = await PDFDocument.load(await readFile(built.get('manuscript')!), { updateMetadata: false });
    const link = pdf
      .getPages()
      .flatMap((page) => page.node.Annots()?.asArray() ?? [])
      .map((ref) => pdf.context.lookup(ref))
      .find((annot): annot is PDFDict => annot instanceof PDFDict)!;
    link.set(PDFName.of('F'), PDFNumber.of(6));
    pdf.context.register(pdf.context.obj({ Type: 'ExtGState', BM: 'Dissolve' }));
    pdf.catalog.set(PDFName.of(`x${'-%D8'.repeat(40)}`), PDFNumber.of(1));
    const findings = await pdfa2Findings(await pdf.save({ useObjectStreams: false }));
    expect(findings).toEqual([
      expect.stringMatching(/^annotations: page \d+ has an annotation not printed or not visible \(F 6\)$/),
      `names: a name of more than 127 bytes: /x${'-%D8'.repeat(40)}`.slice(0, 99),
      'transparency: blend mode /Dissolve',
    ]);
  });
});

describe('destination names', () => {
  it('are cut to the PDF limit, keep their start, never meet, and the links follow them', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const long = (tail: string) => `h-${'%D8%B1'.repeat(30)}${tail}`;
    const dests = pdf.context.obj({});
    for (const name of [long('a'), long('b'), 'short']) dests.set(PDFName.of(name), pdf.context.obj([page.ref, 'XYZ', 0, 0, 0]));
    pdf.catalog.set(PDFName.of('Dests'), dests);
    const annots = [long('a'), long('b'), 'short'].map((name) =>
      pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 1, 1], Dest: PDFName.of(name) })),
    );
    annots.push(pdf.context.register(pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 1, 1], A: { S: 'GoTo', D: PDFName.of(long('b')) } })));
    page.node.set(PDFName.of('Annots'), pdf.context.obj(annots));
    shortenDestinationNames(pdf);
    const names = [...dests.keys()].map((name) => name.decodeText());
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(names.filter((name) => name.startsWith('h-%D8%B1%D8%B1')).map((name) => name.replace(/~[0-9a-f]{16}$/, '').length)).toEqual([98, 98]);
    const targets = annots.map((ref) => {
      const annot = pdf.context.lookup(ref, PDFDict);
      const dest = annot.get(PDFName.of('Dest')) ?? (annot.lookup(PDFName.of('A'), PDFDict).get(PDFName.of('D')) as PDFName);
      return (dest as PDFName).decodeText();
    });
    expect(targets[2]).toBe('short');
    expect(targets[3]).toBe(targets[1]);
    for (const target of targets) expect(names).toContain(target);
  });
});

// For a look at the file: `PDFA_OUT=/tmp/x.pdf npx vitest run tests/pdfa.test.ts`.
if (process.env.PDFA_OUT) {
  it('writes the sample book’s PDF/A file', async () => {
    await writeFile(process.env.PDFA_OUT!, await readFile(built.get('sample')!));
  });
}
