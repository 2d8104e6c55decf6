import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFNumber, type PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { Element } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { accessibilityFindings } from './pdf-accessibility.js';
import { repoRoot, tempDirs, writeFiles } from './helpers.js';
import { pdfInfo } from './pdf-tools.js';
import { rightToLeftReading, untaggedLetters } from './pdf-words.js';

const run = promisify(execFile);
const temp = tempDirs();
let file: string;
let html: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const out = await temp();
  const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: out, formats: ['pdf', 'html'] });
  file = result.outputs.find((output) => output.format === 'pdf')!.path;
  html = result.outputs.find((output) => output.format === 'html')!.path;
  bytes = await readFile(file);
});

const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/** The XMP packet's properties, as `prefix:name` → their text (list items joined with ` | `). */
async function xmpProperties(pdf: Uint8Array): Promise<Record<string, string>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const stream = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata')));
  if (!(stream instanceof PDFRawStream)) throw new Error('no XMP stream');
  expect(stream.dict.get(PDFName.of('Filter'))).toBeUndefined();
  const tree = fromXml(new TextDecoder().decode(stream.getContents()));
  const description = (function find(node: { children: unknown[] }): Element | undefined {
    for (const child of node.children as Element[]) {
      if (child.type !== 'element') continue;
      if (child.name === 'rdf:Description') return child;
      const inner = find(child);
      if (inner) return inner;
    }
    return undefined;
  })(tree);
  const words = (node: Element): string[] =>
    node.children.flatMap((child) => (child.type === 'text' ? [child.value] : child.type === 'element' && child.name !== 'rdf:li' ? words(child) : []));
  const items = (node: Element): string[] =>
    node.children.flatMap((child) => (child.type !== 'element' ? [] : child.name === 'rdf:li' ? [words(child).join('')] : items(child)));
  const properties: Record<string, string> = {};
  for (const child of description!.children) {
    if (child.type !== 'element') continue;
    const listed = items(child);
    properties[child.name] = listed.length > 0 ? listed.join(' | ') : words(child).join('');
  }
  return properties;
}

/** The findings on the manuscript's PDF after `change`. */
async function findingsAfter(change: (pdf: PDFDocument) => void): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  change(pdf);
  const saved = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return (await accessibilityFindings(saved)).map((finding) => finding.checkpoint);
}

/** Every structure element of a PDF, in document order. */
function structElements(pdf: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? pdf.context.lookup(value) : value);
  const visit = (value: PDFObject | undefined) => {
    const node = lookup(value);
    if (node instanceof PDFArray) for (const item of node.asArray()) visit(item);
    else if (node instanceof PDFDict) {
      if (node.has(PDFName.of('S'))) found.push(node);
      visit(node.get(PDFName.of('K')));
    }
  };
  visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')));
  return found;
}

const ofType = (pdf: PDFDocument, type: string) => structElements(pdf).filter((element) => element.get(PDFName.of('S')) === PDFName.of(type));
const links = (pdf: PDFDocument) =>
  pdf.getPages().flatMap(
    (page) =>
      page.node
        .Annots()
        ?.asArray()
        .map((ref) => pdf.context.lookup(ref, PDFDict)) ?? [],
  );

describe('the PDF edition for readers with assistive technology and for archives', () => {
  it('meets every PDF/UA condition checked here', async () => {
    expect(await accessibilityFindings(bytes)).toEqual([]);
  });

  it('mirrors its document information in an uncompressed XMP stream', async () => {
    const info = await pdfInfo(file);
    const xmp = await xmpProperties(bytes);
    expect(xmp['dc:title']).toBe(info.Title);
    expect(xmp['dc:creator']).toBe(info.Author);
    expect(xmp['dc:description']).toBe(info.Subject);
    expect(xmp['pdf:Keywords']).toBe(info.Keywords);
    expect(xmp['xmp:CreatorTool']).toBe(info.Creator);
    expect(xmp['pdf:Producer']).toBe(info.Producer);
    expect(xmp['xmp:CreateDate']).toBe(info.CreationDate);
    expect(xmp['xmp:ModifyDate']).toBe(info.ModDate);
    const { 'xmpMM:InstanceID': instance, ...rest } = xmp;
    expect(instance).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(rest).toMatchInlineSnapshot(`
      {
        "dc:creator": "Wikipedia contributors",
        "dc:description": "The ar-Rashid revolt was a failed coup d'etat and uprising against the Baathist government in Iraq in July 1963.",
        "dc:format": "application/pdf",
        "dc:identifier": "urn:uuid:c8b06060-52f9-59de-8205-8576034957ee",
        "dc:language": "en",
        "dc:publisher": "Galley Press",
        "dc:rights": "Text available under the Creative Commons Attribution-ShareAlike 4.0 License",
        "dc:subject": "Iraq — History — 1958–1968 | Coups d'état — Iraq | Iraqi Communist Party",
        "dc:title": "Ar-Rashid revolt",
        "pdf:Keywords": "Iraq — History — 1958–1968; Coups d'état — Iraq; Iraqi Communist Party",
        "pdf:Producer": "Galley 0.1.0 (Paged.js, Chromium, pdf-lib)",
        "xmp:CreateDate": "2026-11-24T00:00:00Z",
        "xmp:CreatorTool": "Galley 0.1.0",
        "xmp:MetadataDate": "2026-11-24T00:00:00Z",
        "xmp:ModifyDate": "2026-11-24T00:00:00Z",
        "xmpMM:DocumentID": "urn:uuid:c8b06060-52f9-59de-8205-8576034957ee",
      }
    `);
  });

  it('has a file id from its content, the one its XMP instance id is made of', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const id = pdf.context.trailerInfo.ID as PDFArray;
    const [first, second] = id.asArray().map((part) => (part as PDFHexString).asString());
    expect(first).toMatch(/^[0-9A-F]{32}$/i);
    expect(second).toBe(first);
    const instance = (await xmpProperties(bytes))['xmpMM:InstanceID']!;
    expect(instance.replace(/^uuid:|-/g, '').toUpperCase()).toBe(first!.toUpperCase());
  });

  it('describes every link by where it leads and on which page', async () => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(links(pdf).map((link) => text(link.get(PDFName.of('Contents'))))).toMatchInlineSnapshot(`
      [
        "Ar-Rashid revolt on page 5",
        "Background on page 5",
        "Preparations of the revolt on page 6",
        "The revolt on page 7",
        "Death train and aftermath on page 8",
        "Soviet involvement on page 8",
        "See also on page 9",
      ]
    `);
  });

  it('tags the contents’ page numbers (Galley sets them as text, not generated content)', async () => {
    const { stdout } = await run('pdfinfo', ['-struct-text', file]);
    // Each entry of the contents: a link holding the title and the page.
    // (The title and its page apart: a space after the title, as after a line's end.)
    expect(stdout).toMatch(/Link \(inline\)\n\s+"Background "\n\s+"5"/);
  });

  it('gives the whole text in the structure text (pdfinfo -struct-text): every letter of the pages but running heads and folios, words apart', async () => {
    // Poppler dropped the rest of a paragraph after the first character Chromium gave an ActualText (`’`, drawn with
    // the glyph of `ʼ`; the creators' small capitals): 908 letters of 5,989.
    const read = await untaggedLetters(file, html);
    expect(read.missing).toBe(0);
    // Words as the tags read them: not run together where a line wraps (118 of 1,148 were, "overthrowingthe").
    expect(read.strayWords / read.words, read.stray.join(' ')).toBeLessThan(0.01);
  });

  it('holds the text in its elements, without Chromium’s NonStruct around each run (one with a language of its own stays)', async () => {
    const { stdout } = await run('pdfinfo', ['-struct-text', file]);
    expect(stdout).toMatch(/^\s+H1 \(block\)\n\s+"Ar-Rashid revolt"$/m);
    expect(stdout).toMatch(/^\s+P \(block\)\n\s+"On February 8, 1963/m);
    expect(stdout).not.toMatch(/NonStruct/);
  });

  it('maps the infobox (Aside) to a standard type, so that its table is in the structure text', async () => {
    const { stdout, stderr } = await run('pdfinfo', ['-struct-text', file]);
    expect(stderr).not.toMatch(/wrong type/);
    expect(stdout).toMatch(/^\s+Sect\n\s+Table/m);
    expect(stdout).toContain('"Date"');
  });
});

/** A small German book with what the seed lacks: a link to a heading with an id beyond ASCII, a link out, a picture without a description, a 150-row table with row spans, metadata with characters XML cannot hold, words in other languages. */
async function edgeBook(url: string): Promise<{ file: string; bytes: Uint8Array }> {
  const root = await temp();
  const rows = Array.from({ length: 150 }, (_x, i) =>
    i % 3 === 0 ? `<tr><td rowspan="3">J${i}</td><td>a${i}</td><td>b${i}</td></tr>` : `<tr><td colspan="2">ab${i}</td></tr>`,
  ).join('\n');
  await writeFiles(root, {
    'book.yaml': [
      'title: Randfälle',
      'language: de',
      'creator: Eine Autorin',
      'identifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d55',
      'date: 2026-01-02',
      'description: "Mit \\uFFFE und \\uD800 darin"',
      'chapters:',
      '  - chapters/01.md',
      '',
    ].join('\n'),
    'chapters/01.md': [
      '# Erstes Kapitel',
      '',
      `Siehe [den Abschnitt](#straße-ä8) und [die Dokumentation](${url}).`,
      '',
      '![](../images/rose.png "Eine Rose ohne Beschreibung")',
      '',
      '<table><thead><tr><th>Jahr</th><th>a</th><th>b</th></tr></thead><tbody>',
      rows,
      '</tbody></table>',
      '',
      '#### Ein Absatz zu tief',
      '',
      'Drei Ebenen unter dem Kapitel, eine Warnung (heading-order); im PDF H2.',
      '',
      '## Straße ä8',
      '',
      'Der Abschnitt.',
      '',
      'Man sagt <span lang="fr">bonjour tout le monde</span> und <i lang="en">good morning</i>, auch <span lang="de">guten Tag</span>.',
      '',
      '<div lang="fr">',
      '',
      'Un paragraphe en français.',
      '',
      '- une liste',
      '',
      '</div>',
      '',
    ].join('\n'),
    'images/rose.png': await readFile(path.join(repoRoot, 'tests', 'corpus', '12-markdown-constructs', 'images', 'rose.png')),
  });
  const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
  const built = result.outputs[0]!.path;
  return { file: built, bytes: await readFile(built) };
}

describe('the PDF edition of a book unlike the seed', () => {
  let edge: { file: string; bytes: Uint8Array };
  beforeAll(async () => {
    edge = await edgeBook('https://example.org/docs');
  });

  it('meets every PDF/UA condition checked here', async () => {
    expect(await accessibilityFindings(edge.bytes)).toEqual([]);
  });

  it('describes a link to a heading beyond ASCII by its text and page, in German, and a link out by its address', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    const descriptions = links(pdf).map((link) => text(link.get(PDFName.of('Contents'))));
    expect(descriptions).toContain('https://example.org/docs');
    expect(descriptions.some((description) => /^Straße ä8 auf Seite \d+$/.test(description ?? ''))).toBe(true);
  });

  it('tags the table of 150 rows with row and column spans, over several pages, as one Table: its header row in a THead, the others in a TBody, every data cell with its headers', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBeGreaterThan(3);
    const tables = ofType(pdf, 'Table');
    expect(tables).toHaveLength(1);
    const elements = (holder: PDFDict) => {
      const kids = holder.get(PDFName.of('K'));
      return (kids instanceof PDFArray ? kids.asArray() : [kids!])
        .map((kid) => pdf.context.lookup(kid))
        .filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of('S')));
    };
    const type = (element: PDFDict) => (element.get(PDFName.of('S')) as PDFName).decodeText();
    const groups = elements(tables[0]!);
    expect(groups.map(type)).toEqual(['THead', 'TBody']);
    const [head, body] = groups.map((group) => elements(group));
    expect(head!.map(type)).toEqual(['TR']);
    expect(elements(head![0]!).map(type)).toEqual(['TH', 'TH', 'TH']);
    expect(body!.map(type)).toEqual(Array(150).fill('TR'));
    // Every data cell names the header cells of its columns, on every page (on the pages after the
    // first, Chromium gave each an empty /Headers): a row of three cells, one each; a cell spanning
    // the two last columns (under a cell spanning three rows), both (Chromium names only the first
    // on the first page).
    const ids = elements(head![0]!).map((cell) => text(cell.get(PDFName.of('ID'))));
    const headersOf = (cell: PDFDict) => {
      const attributes = pdf.context.lookup(cell.get(PDFName.of('A')));
      const dicts = attributes instanceof PDFArray ? attributes.asArray().map((item) => pdf.context.lookup(item)) : [attributes];
      const list = dicts.map((dict) => (dict instanceof PDFDict ? dict.get(PDFName.of('Headers')) : undefined)).find((value) => value !== undefined);
      return list instanceof PDFArray ? list.asArray().map(text) : undefined;
    };
    const spanning = new Set<string>();
    for (const row of body!) {
      const cells = elements(row);
      if (cells.length === 3) expect(cells.map(headersOf)).toEqual(ids.map((id) => [id]));
      else spanning.add(JSON.stringify(cells.map(headersOf)));
    }
    expect([...spanning].sort()).toEqual([JSON.stringify([[ids[1]]]), JSON.stringify([[ids[1], ids[2]]])].sort());
    // Each row's parent is its group, each group's the table.
    for (const [group, rows] of [
      [groups[0]!, head!],
      [groups[1]!, body!],
    ] as const) {
      expect(pdf.context.lookup(group.get(PDFName.of('P')))).toBe(tables[0]);
      for (const row of rows) expect(pdf.context.lookup(row.get(PDFName.of('P')))).toBe(group);
    }
  });

  it('gives words in another language inside a line their /Lang (and none to words in the language around them)', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    const languages = structElements(pdf).map((element) => text(element.get(PDFName.of('Lang'))));
    // What each element holds, as poppler reads the tree (the same elements, in the same order).
    const { stdout } = await run('pdfinfo', ['-struct-text', edge.file]);
    // (Leaving out annotations, `Object 12 0`, and attributes, `/Scope /Column`.)
    const lines = stdout.split('\n').filter((line) => line.trim() !== '' && !/^\s*(Object \d+ \d+$|\/)/.test(line));
    const indent = (line: string) => line.length - line.trimStart().length;
    const held: string[] = [];
    lines.forEach((line, at) => {
      if (line.trim().startsWith('"')) return;
      const words: string[] = [];
      for (let next = at + 1; next < lines.length && indent(lines[next]!) > indent(line); next++) {
        const inner = lines[next]!.trim();
        if (inner.startsWith('"')) words.push(JSON.parse(inner) as string);
      }
      held.push(words.join(''));
    });
    expect(held).toHaveLength(languages.length);
    const inLanguage = languages.flatMap((lang, at) => (lang === undefined ? [] : [[lang, held[at]]]));
    // The document's language, then the words in others.
    expect(inLanguage[0]![0]).toBe('de');
    expect(inLanguage.slice(1)).toEqual([
      ['fr', 'bonjour tout le monde'],
      ['en', 'good morning'],
      // The blocks of a <div lang>.
      ['fr', 'Un paragraphe en français.'],
      ['fr', 'une liste'],
    ]);
  });

  it('closes the gap a heading four levels down leaves: it is tagged H2 (the page shows it as written)', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    const headings = structElements(pdf)
      .map((element) => (element.get(PDFName.of('S')) as PDFName).decodeText())
      .filter((type) => /^H\d$/.test(type));
    expect(headings.slice(-3)).toEqual(['H1', 'H2', 'H2']);
  });

  it('does not tag a picture without a description as a figure', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    expect(ofType(pdf, 'Figure')).toEqual([]);
  });

  it('says the same in the information dictionary and in XMP, whatever characters the metadata holds', async () => {
    const pdf = await PDFDocument.load(edge.bytes, { updateMetadata: false });
    const xmp = await xmpProperties(edge.bytes);
    expect(pdf.getSubject()).toBe('Mit  und \uFFFD darin');
    expect(xmp['dc:description']).toBe(pdf.getSubject());
  });

  it('has another file id when only a link’s address changed', async () => {
    const other = await edgeBook('https://example.com/elsewhere');
    const id = async (bytes: Uint8Array) => ((await PDFDocument.load(bytes, { updateMetadata: false })).context.trailerInfo.ID as PDFArray).toString();
    expect(await id(other.bytes)).not.toBe(await id(edge.bytes));
    // The pages are the same: only the link's address (and its description) differ.
    const words = async (file: string) => (await run('pdftotext', [file, '-'])).stdout;
    expect(await words(other.file)).toBe(await words(edge.file));
  });
});

describe('the notes of a PDF edition', () => {
  let notes: { file: string; bytes: Uint8Array };
  beforeAll(async () => {
    const result = await build({ root: path.join(repoRoot, 'tests', 'fixtures', 'pdf', 'page-footnotes'), outDir: await temp(), formats: ['pdf'] });
    const built = result.outputs[0]!.path;
    notes = { file: built, bytes: await readFile(built) };
  });

  it('meets every PDF/UA condition checked here', async () => {
    expect(await accessibilityFindings(notes.bytes)).toEqual([]);
  });

  it('tags each note as one Note with an id of its own, in the ID tree: a note at the foot of a page (one carried on to the next page too), and one printed at its chapter’s end', async () => {
    const pdf = await PDFDocument.load(notes.bytes, { updateMetadata: false });
    const tagged = ofType(pdf, 'Note');
    // The 23 notes at the feet of its pages (tests/page-footnotes.test.ts), some carried on to the next
    // page, and the two printed at the chapter's end (one too long for a page's foot, one called only
    // from another note): one Note each.
    expect(tagged).toHaveLength(25);
    // Those two are items of the chapter's list of notes: each item stays an LI (its number, its
    // Lbl), and what it holds is the Note, in the item's body.
    const typeOf = (element: PDFDict | undefined) => element?.get(PDFName.of('S'))?.toString();
    const parentOf = (element: PDFDict) => element.lookup(PDFName.of('P'), PDFDict);
    const inItems = tagged.filter((note) => typeOf(parentOf(note)) === '/LBody');
    expect(inItems).toHaveLength(2);
    for (const note of inItems) {
      const item = parentOf(parentOf(note));
      expect(typeOf(item)).toBe('/LI');
      expect(
        item
          .lookup(PDFName.of('K'), PDFArray)
          .asArray()
          .map((kid) => typeOf(pdf.context.lookup(kid) as PDFDict)),
      ).toEqual(['/Lbl', '/LBody']);
      expect(typeOf(parentOf(item))).toBe('/L');
    }
    const ids = tagged.map((note) => text(note.get(PDFName.of('ID'))));
    expect(ids).toEqual(tagged.map((_note, i) => `note-${i + 1}`));
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray).asArray();
    for (const [index, note] of tagged.entries()) {
      const at = names.findIndex((name) => text(name) === ids[index]);
      expect(at % 2).toBe(0);
      expect(pdf.context.lookup(names[at + 1])).toBe(note);
    }
    // A note carried on holds marked content on two pages.
    const pagesOf = (element: PDFDict): Set<string> => {
      const found = new Set<string>();
      const page = element.get(PDFName.of('Pg'));
      if (page) found.add(page.toString());
      const kids = element.lookup(PDFName.of('K'));
      for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
        const child = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
        if (child instanceof PDFDict) for (const inner of pagesOf(child)) found.add(inner);
      }
      return found;
    };
    expect(tagged.filter((note) => pagesOf(note).size === 2).length).toBeGreaterThan(0);
    // The rule over each page's notes (the footnote area's background, 30 % of the line, half a
    // point high) is an artifact, on every page: on some, Chromium painted it as the area's own
    // tagged content.
    const rules = `
import sys, pikepdf
found = []
with pikepdf.open(sys.argv[1]) as pdf:
    for number, page in enumerate(pdf.pages, 1):
        open_ = []
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            if operator in ('BMC', 'BDC'): open_.append(str(instruction.operands[0]))
            elif operator == 'EMC' and open_: open_.pop()
            elif operator == 're':
                x, y, w, h = [float(v) for v in instruction.operands]
                if 0.5 < abs(h) < 0.8 and 100 < abs(w) < 140: found.append('/Artifact' in open_)
print(sum(found), len(found))
`;
    const [artifacts, separators] = (await run('/usr/bin/python3', ['-c', rules, notes.file])).stdout.trim().split(' ').map(Number);
    expect(separators).toBeGreaterThan(10);
    expect(artifacts).toBe(separators);
    // No language mark is left behind.
    expect(
      structElements(pdf)
        .map((element) => text(element.get(PDFName.of('Lang'))) ?? '')
        .filter((lang) => /-g(note|split)-/.test(lang)),
    ).toEqual([]);
  });

  it('reads a word the layout broke at a line’s end with a hyphen whole: the hyphen is an artifact, not text', async () => {
    const pages = (await run('pdftotext', [notes.file, '-'])).stdout;
    // The first halves of the words broken (their second halves are on the next line, or page).
    const halves = [...pages.matchAll(/ (\p{L}+)-$/gmu)].map((match) => match[1]!);
    expect(halves.length).toBeGreaterThan(1);
    const { stdout } = await run('pdfinfo', ['-struct-text', notes.file]);
    expect(stdout).not.toMatch(/^\s*"-"$/m);
    // (An element's strings run on, as a reader reads them.)
    const read = [...stdout.replace(/"\n\s*"/g, '').matchAll(/"(.*)"/g)].map((match) => match[1]).join('\n');
    for (const half of halves) {
      expect(read).not.toContain(`${half}-`);
      expect(read).toMatch(new RegExp(` ${half}\\p{L}`, 'u'));
    }
  });
});

describe('words too long for their line', () => {
  it('read whole through the tags where the layout breaks them without a hyphen (a web address in a narrow cell)', async () => {
    const root = await temp();
    const long = 'https://archive.example.org/collectionsofthearrashidrevoltdocumentsfromnineteenfortyone';
    const path = 'averyveryveryverylongpathsegmentwithoutanybreakopportunityatallwhatsoever1234567890abcdefghijkl';
    await writeFiles(root, {
      'book.yaml':
        'title: Long words\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444499\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Long words\n\nThe archive lives at https://archive.example.org/${path} and nowhere else.\n\n| Source | Address |\n| --- | --- |\n| Telegram | ${long} |\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const file = result.outputs[0]!.path;
    // The page breaks both (no hyphen drawn) …
    const pages = (await run('pdftotext', [file, '-'])).stdout;
    expect(pages).not.toContain(long);
    expect(pages).not.toContain(path);
    expect(pages).not.toMatch(/arrashid-|segmen-/);
    // … and the tags read both whole, and the words around them apart.
    const read = (await run('pdfinfo', ['-struct-text', file])).stdout;
    expect(read).toContain(`"${long}"`);
    expect(read).toContain(`"https://archive.example.org/${path}"`);
    expect(read).toContain('The archive lives at ');
  });
});

describe('a paragraph that goes on on the next page', () => {
  it('keeps the spaces between inline elements there, on the page and in the tags (Paged.js dropped them: pagedjs#285)', async () => {
    const root = await temp();
    const filler = 'Plain words fill this page of the book. '.repeat(60);
    await writeFiles(root, {
      'book.yaml':
        'title: Spaces\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444498\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Spaces\n\n${filler}Then *alpha* *beta* and \`gamma\` \`delta\` and <https://a.org/x> <https://b.org/y> end.\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const file = result.outputs[0]!.path;
    const pages = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
    expect(pages).toContain('Then alpha beta and gamma delta and https://a.org/x https://b.org/y end.');
    const read = (await run('pdfinfo', ['-struct-text', file])).stdout;
    const tags = [...read.matchAll(/"(.*)"/g)].map((match) => match[1]).join('');
    expect(tags).toContain('Then alpha beta and gamma delta and https://a.org/x https://b.org/y end.');
  });
});

describe('a paragraph that goes on on the next page, on a page with a footnote', () => {
  it('reads in the tags with a space between the last word of the page and the first of the next (the note is drawn between them)', async () => {
    const root = await temp();
    const syllables = 'ba da fa ga ka la ma na pa ra sa ta va za'.split(' ');
    const words = Array.from({ length: 400 }, (_x, i) => `${syllables[i % 14]}${syllables[Math.floor(i / 14) % 14]}${syllables[Math.floor(i / 196)]}ba`);
    await writeFiles(root, {
      'book.yaml':
        'title: Notes\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444493\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# One\n\n${words.map((word, i) => (i === 190 ? `${word}[^a]` : word)).join(' ')}\n\n[^a]: A short note.\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const read = (await run('pdfinfo', ['-struct-text', result.outputs[0]!.path])).stdout;
    const tags = [...read.matchAll(/"(.*)"/g)].map((match) => match[1]).join('');
    // (Where the words are in the tags, each two in a row with one space between them; the note's call aside.)
    const pairs = words.slice(0, -1).map((word, i) => `${word} ${words[i + 1]}`);
    expect(pairs.filter((pair, i) => i !== 190 && !tags.includes(pair))).toEqual([]);
  });
});

describe('tabs in a code block', () => {
  it('print as the spaces to the next tab stop, so the words either side read apart in the tags and the text', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Tabs\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444492\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': '# One\n\n```\nmebaba    nebaba\tpebaba  rebaba\nabcdefgh\tX\nabcdefg\tY\nab\tcd\t*ef*\n```\n',
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const file = result.outputs[0]!.path;
    const read = (await run('pdfinfo', ['-struct-text', file])).stdout;
    expect(read).toContain('"mebaba    nebaba        pebaba  rebaba abcdefgh        X abcdefg Y ab      cd      *ef*"');
    // The columns a monospaced editor shows: X at column 16 and Y at 8 (a tab after 8 and 7 characters).
    const boxes = [...(await run('pdftotext', ['-bbox', file, '-'])).stdout.matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]+)</g)];
    const at = (word: string) =>
      boxes
        .find((box) => box[3] === word)!
        .slice(1, 3)
        .map(Number) as [number, number];
    const [start, end] = at('abcdefgh');
    const width = (end - start) / 8;
    expect([Math.round((at('X')[0] - start) / width), Math.round((at('Y')[0] - start) / width)]).toEqual([16, 8]);
  });
});

describe('links that run on to the next page', () => {
  it('are one Link each, holding both their annotations, and meet the PDF/UA conditions checked here', async () => {
    const root = await temp();
    const words = 'timber engine pressure masonry pump brick clay stone gallery river tunnel survey harbour crown lamp'.split(' ');
    const paragraphs = Array.from({ length: 40 }, (_x, i) => {
      const text = Array.from({ length: 60 + ((i * 7) % 23) }, (_y, j) => words[(i + j * 3) % words.length]).join(' ');
      return `${text} [a link long enough to run over a line and, at the foot of a page, on to the next one, number ${i}](https://example.org/${i}).`;
    });
    await writeFiles(root, {
      'book.yaml': [
        'title: Links',
        'language: en',
        'creator: A',
        'identifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d56',
        'date: 2026-01-02',
        'chapters: [chapters/01.md]',
        '',
      ].join('\n'),
      'chapters/01.md': `# Links\n\n${paragraphs.join('\n\n')}\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const bytes = await readFile(result.outputs[0]!.path);
    expect(await accessibilityFindings(bytes)).toEqual([]);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const annotations = links(pdf);
    // Some links run on to the next page: a link annotation on each page. (And the contents' link to the chapter.)
    expect(annotations.length).toBeGreaterThan(41);
    const linkElements = ofType(pdf, 'Link');
    expect(linkElements).toHaveLength(41);
    // Every annotation belongs to one of the 41 (the parent tree says which).
    const root_ = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = root_.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const owners = new Map<number, PDFObject>();
    for (let i = 0; i + 1 < nums.length; i += 2) owners.set((nums[i] as PDFNumber).asNumber(), nums[i + 1]!);
    const owning = new Set(annotations.map((annot) => pdf.context.lookup(owners.get((annot.get(PDFName.of('StructParent')) as PDFNumber).asNumber()))));
    expect(owning.size).toBe(41);
    for (const owner of owning) expect(linkElements).toContain(owner);
  });
});

describe('definition lists', () => {
  it('are an L of LIs, each its terms (Lbl) and definitions (LBody), also where the list runs on to the next page', async () => {
    const root = await temp();
    const filler = Array.from({ length: 14 }, (_x, i) => `Paragraph ${i} ${'of some words to fill the page '.repeat(12)}`).join('\n\n');
    const terms = Array.from({ length: 12 }, (_x, i) => `<dt>Term ${i}</dt>\n<dd>Definition ${i}, ${'said at some length '.repeat(6)}</dd>`).join('\n');
    await writeFiles(root, {
      'book.yaml': [
        'title: Lists',
        'language: en',
        'creator: A',
        'identifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d57',
        'date: 2026-01-02',
        'chapters: [chapters/01.md]',
        '',
      ].join('\n'),
      'chapters/01.md': [
        '# Lists',
        '',
        '<dl>\n<dt>Alpha</dt>\n<dt lang="fr">Bêta</dt>\n<dd>Shared by two terms.</dd>\n<dt>Gamma</dt>\n<dd>First meaning.</dd>\n<dd>Second meaning.</dd>\n</dl>',
        '',
        filler,
        '',
        `<dl>\n${terms}\n</dl>`,
        '',
      ].join('\n'),
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const file = result.outputs[0]!.path;
    expect(await accessibilityFindings(await readFile(file))).toEqual([]);
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const type = (dict: PDFDict) => (dict.get(PDFName.of('S')) as PDFName).decodeText();
    const kids = (dict: PDFDict) => {
      const k = dict.get(PDFName.of('K'));
      return (k instanceof PDFArray ? k.asArray() : [k])
        .map((kid) => pdf.context.lookup(kid))
        .filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of('S')));
    };
    const lists = ofType(pdf, 'L').filter((list) =>
      kids(list).some((item) => kids(item).some((kid) => type(kid) === 'Lbl' && kids(item).some((k) => type(k) === 'LBody'))),
    );
    expect(lists.map((list) => kids(list).map((item) => [type(item), ...kids(item).map(type)]))).toEqual([
      [
        ['LI', 'Lbl', 'Lbl', 'LBody'],
        ['LI', 'Lbl', 'LBody', 'LBody'],
      ],
      Array.from({ length: 12 }, () => ['LI', 'Lbl', 'LBody']),
    ]);
    // The French term keeps its language; no mark is left in any.
    const langs = [...pdf.context.enumerateIndirectObjects()].flatMap(([, object]) => {
      const lang = object instanceof PDFDict ? object.get(PDFName.of('Lang')) : undefined;
      return lang ? [text(lang)] : [];
    });
    expect(langs).toContain('fr');
    expect(langs.filter((lang) => lang?.includes('-x-'))).toEqual([]);
    // The second list runs on to the next page: one list all the same.
    expect(new Set((await run('pdftotext', [file, '-'])).stdout.split('\f').flatMap((page, i) => (/Term \d/.test(page) ? [i] : []))).size).toBeGreaterThan(1);
  });
});

describe('a table with row headers that runs over pages', () => {
  it('is one Table, its header row a THead, every row in it', async () => {
    const root = await temp();
    const rows = Array.from({ length: 60 }, (_x, i) => `<tr><th scope="row">Row ${i}</th><td>value ${i}</td></tr>`).join('\n');
    await writeFiles(root, {
      'book.yaml':
        'title: Rows\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d59\ndate: 2026-01-02\nchapters: [chapters/01.md]\n',
      'chapters/01.md': `# Rows\n\n<table><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>\n${rows}\n</tbody></table>\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const bytes = await readFile(result.outputs[0]!.path);
    expect(Number((await pdfInfo(result.outputs[0]!.path)).Pages)).toBeGreaterThan(2);
    expect(await accessibilityFindings(bytes)).toEqual([]);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    // (Each piece after the first has row headers, no header row: it was a Table of its own.)
    expect(ofType(pdf, 'Table')).toHaveLength(1);
    expect(ofType(pdf, 'THead')).toHaveLength(1);
    expect(ofType(pdf, 'TR')).toHaveLength(61);
  });
});

describe('a table with footer rows (<tfoot>)', () => {
  it('builds where the footer is written before a body that runs over pages, prints it once, last, and tags it a TFoot', async () => {
    const root = await temp();
    const rows = Array.from({ length: 70 }, (_x, i) => `<tr><td>${1900 + i}</td><td>${i}</td></tr>`).join('\n');
    await writeFiles(root, {
      'book.yaml':
        'title: Footers\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d5a\ndate: 2026-01-02\nchapters: [chapters/01.md]\n',
      'chapters/01.md': [
        '# Footers',
        '<table><caption>Written first</caption><thead><tr><th>Year</th><th>Count</th></tr></thead>',
        `<tfoot><tr><td>Sum</td><td>2415</td></tr></tfoot><tbody>\n${rows}\n</tbody></table>`,
        'Between.',
        '<table><thead><tr><th>Item</th><th>N</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody><tfoot><tr><td>Total</td><td>1</td></tr></tfoot></table>',
        '',
      ].join('\n\n'),
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf', 'html'] });
    const file = result.outputs.find((output) => output.path.endsWith('.pdf'))!.path;
    const html = await readFile(result.outputs.find((output) => output.path.endsWith('.html'))!.path, 'utf8');
    // Where HTML puts it: after the body.
    expect(html).toMatch(/<\/tbody><tfoot><tr><td>Sum<\/td>/);
    const pages = (await run('pdftotext', [file, '-'])).stdout;
    expect(pages.split('\f').filter((page) => page.includes('1969')).length).toBeGreaterThan(0);
    expect(pages.match(/Sum/g)).toHaveLength(1);
    expect(pages.indexOf('Sum')).toBeGreaterThan(pages.indexOf('1969'));
    const bytes = await readFile(file);
    expect(await accessibilityFindings(bytes)).toEqual([]);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const type = (dict: PDFDict) => (dict.get(PDFName.of('S')) as PDFName).decodeText();
    const kids = (dict: PDFDict) =>
      (dict.lookup(PDFName.of('K'), PDFArray)?.asArray() ?? [])
        .map((kid) => pdf.context.lookup(kid))
        .filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of('S')));
    expect(ofType(pdf, 'Table').map((table) => kids(table).map((kid) => `${type(kid)} ${kids(kid).length}`))).toEqual([
      ['Caption 0', 'THead 1', 'TBody 70', 'TFoot 1'],
      ['THead 1', 'TBody 1', 'TFoot 1'],
    ]);
    // No mark is left in a row's language.
    expect(ofType(pdf, 'TR').filter((row) => row.has(PDFName.of('Lang')))).toEqual([]);
  });
});

describe('right-to-left paragraphs in a left-to-right book', () => {
  it('are read in order (from the right), and their languages keep no mark of the print edition’s', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Directions\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d5b\ndate: 2026-01-02\nchapters: [chapters/01.md]\n',
      'chapters/01.md': [
        '# Directions',
        'An English paragraph, with an Arabic phrase: كان البحر هادئًا في الصباح.',
        '<div lang="ar">\n\nكان البحر هادئًا في الصباح، وكان الصيادون يُعدّون شباكهم في الميناء. وعندما ارتفعت الشمس فوق التلال، خرجت القوارب الصغيرة واحدًا تلو الآخر، وبقيت المدينة القديمة صامتة خلفها.\n\n</div>',
        '<p lang="he">שלום עולם, זהו משפט בעברית שנכתב מימין לשמאל, והוא ארוך מספיק כדי לעבור לשורה הבאה בעמוד.</p>',
        '',
      ].join('\n\n'),
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf', 'html'] });
    const file = result.outputs.find((output) => output.path.endsWith('.pdf'))!.path;
    const html = result.outputs.find((output) => output.path.endsWith('.html'))!.path;
    const reading = await rightToLeftReading(file, html);
    expect(reading.words).toBeGreaterThan(30);
    expect(reading.pairsInOrder, `${reading.pairsInOrder} of ${reading.pairs}`).toBe(reading.pairs);
    const pdf = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    const langs = [...pdf.context.enumerateIndirectObjects()].flatMap(([, object]) => {
      const lang = object instanceof PDFDict ? object.get(PDFName.of('Lang')) : undefined;
      return lang ? [text(lang)] : [];
    });
    expect([...new Set(langs)].sort()).toEqual(['ar', 'en', 'he']);
  });
});

describe('the PDF/UA checks find what is missing', () => {
  const xmpWithout = (pdf: PDFDocument, property: string) => {
    const stream = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    const xml = new TextDecoder().decode(stream.getContents()).replace(new RegExp(`<${property}>.*?</${property}>`, 's'), '');
    pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(pdf.context.stream(new TextEncoder().encode(xml), { Type: 'Metadata', Subtype: 'XML' })));
  };
  const cases: Array<[string, (pdf: PDFDocument) => void]> = [
    ['06 metadata', (pdf) => pdf.catalog.delete(PDFName.of('Metadata'))],
    ['06 dc-title', (pdf) => xmpWithout(pdf, 'dc:title')],
    [
      'file-id',
      (pdf) => {
        delete pdf.context.trailerInfo.ID;
      },
    ],
    ['07 display-doc-title', (pdf) => pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).set(PDFName.of('DisplayDocTitle'), PDFBool.False)],
    ['01 marked', (pdf) => pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).set(PDFName.of('Marked'), PDFBool.False)],
    ['11 lang', (pdf) => pdf.catalog.delete(PDFName.of('Lang'))],
    ['01 struct-tree', (pdf) => pdf.catalog.delete(PDFName.of('StructTreeRoot'))],
    ['02 role-map', (pdf) => pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).delete(PDFName.of('RoleMap'))],
    ['14 heading-levels', (pdf) => ofType(pdf, 'H2')[0]!.set(PDFName.of('S'), PDFName.of('H4'))],
    ['13 figure-alt', (pdf) => ofType(pdf, 'P')[0]!.set(PDFName.of('S'), PDFName.of('Figure'))],
    [
      '15 table-headers',
      (pdf) => {
        for (const cell of ofType(pdf, 'TH')) cell.set(PDFName.of('S'), PDFName.of('TD'));
      },
    ],
    [
      '28 tabs',
      (pdf) => {
        for (const page of pdf.getPages()) page.node.delete(PDFName.of('Tabs'));
      },
    ],
    ['28 annot-contents', (pdf) => links(pdf)[0]!.delete(PDFName.of('Contents'))],
    ['28 annot-tagged', (pdf) => links(pdf)[0]!.delete(PDFName.of('StructParent'))],
    ['01 untagged-content', (pdf) => pdf.getPage(2).drawText('Not tagged', { x: 40, y: 40, size: 9 })],
    [
      '15 td-headers',
      (pdf) => {
        const cell = ofType(pdf, 'TD')[0]!;
        cell.set(PDFName.of('A'), pdf.context.obj([{ O: 'Table', Headers: [] }]));
      },
    ],
    ['19 note-id', (pdf) => ofType(pdf, 'P')[0]!.set(PDFName.of('S'), PDFName.of('Note'))],
    ['lists li-children', (pdf) => ofType(pdf, 'LBody')[0]!.set(PDFName.of('S'), PDFName.of('P'))],
    ['lists l-children', (pdf) => ofType(pdf, 'LI')[0]!.set(PDFName.of('S'), PDFName.of('P'))],
    [
      '19 unique-ids',
      (pdf) => {
        for (const paragraph of ofType(pdf, 'P').slice(0, 2)) paragraph.set(PDFName.of('ID'), PDFString.of('same'));
      },
    ],
  ];
  it.each(cases)('%s', async (checkpoint, change) => {
    expect(await findingsAfter(change)).toContain(checkpoint);
  });
});

describe('code', () => {
  it('tags a code block as a paragraph holding its Code, and leaves inline code inline (pdfinfo -struct)', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Code\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444487\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': [
        '# Code',
        'A paragraph with `inline code` in it.',
        '```js\nconst a = 1;\n```',
        '- A tight item with `inline code` in it\n- ```\n  a code block in a list item\n  ```\n- A tight item',
        '> ```\n> code in a quote\n> ```',
        '| a | b |\n| --- | --- |\n| `x` | y |',
      ].join('\n\n'),
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const { stdout } = await run('pdfinfo', ['-struct', result.outputs[0]!.path]);
    // Each Code with its parent's type: blocks in paragraphs, the inline ones in their paragraph, list item and cell.
    const lines = stdout.split('\n').filter((line) => /^\s*[A-Z][A-Za-z0-9]*( |:|$)/.test(line));
    const parents = lines.flatMap((line, i) => {
      if (!/^\s*Code /.test(line)) return [];
      const depth = line.search(/\S/);
      const parent = lines.slice(0, i).findLast((above) => above.search(/\S/) < depth)!;
      const grandparent = lines.slice(0, i).findLast((above) => above.search(/\S/) < parent.search(/\S/))!;
      return [`${grandparent.trim().split(/[ :]/)[0]} > ${parent.trim().split(/[ :]/)[0]}`];
    });
    expect(parents).toEqual(['Document > P', 'Document > P', 'LI > LBody', 'LBody > P', 'BlockQuote > P', 'TR > TD']);
  }, 60_000);
});

describe('quotation marks and apostrophes', () => {
  const book = async (text: string) => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Quotes\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444486\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Quotes\n\n${text}\n`,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    const file = result.outputs[0]!.path;
    const struct = (await run('pdfinfo', ['-struct-text', file])).stdout;
    const strings = [...struct.replace(/"\n\s*"/g, '').matchAll(/"(.*)"/g)].map((match) => match[1]).join('\n');
    const inflated = (await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64e6 })).stdout;
    return { strings, text: (await run('pdftotext', [file, '-'])).stdout, wrapped: (inflated.match(/\/ActualText/g) ?? []).length };
  };

  it('read as written through the tags (the font map gives ’ for its glyph, not ʼ, where the book uses it for ’ alone)', async () => {
    const { strings, text, wrapped } = await book('It’s ‘quoted’, isn’t it? Don’t ‘go’.');
    expect(strings).toContain('It’s ‘quoted’, isn’t it? Don’t ‘go’.');
    expect(text).toContain('It’s ‘quoted’, isn’t it? Don’t ‘go’.');
    expect(wrapped).toBe(0);
  }, 60_000);

  it('keep the text of each where a glyph is used for two characters (ʻokina and ‘, modifier apostrophe and ’)', async () => {
    const { text, wrapped } = await book('Hawaiʻi’s ‘island’, and the Nuuchahnulth word ʼa.');
    expect(text).toContain('Hawaiʻi’s ‘island’, and the Nuuchahnulth word ʼa.');
    expect(wrapped).toBeGreaterThan(0);
  }, 60_000);
});
