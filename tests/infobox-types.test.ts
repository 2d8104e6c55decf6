import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import {
  build,
  builtinInfoboxTypes,
  builtinTypeNames,
  compileInfoboxType,
  defineInfobox,
  type InfoboxData,
  jsonSchemas,
  loadInfoboxTypes,
  writeSchemas,
} from '../src/index.js';
import { buildBook, type BuiltBook } from './corpus-tools.js';
import { ace, epubcheck, readEpub } from './epub-tools.js';
import { fixtures, formatAll, listFiles, tempDirs } from './helpers.js';
import { pageText } from './pdf-tools.js';

const temp = tempDirs();
const manuscript = fixtures('custom-infobox');

/** The infobox of a chapter of an HTML edition, as its rows' label and text. */
function infoboxRows(html: string, id: string): string[] {
  const box = select(`#${id}`, fromHtml(html));
  if (!box) throw new Error(`no infobox #${id}`);
  return selectAll('caption, tr', box).map((row) =>
    selectAll(':scope > *', row)
      .map((cell) => hastToString(cell).replace(/\s+/g, ' ').trim())
      .join(' | ')
      .concat(row.tagName === 'caption' ? ' (caption)' : ''),
  );
}

describe('a manuscript with its own infobox types', () => {
  let built: BuiltBook;
  let html: string;
  beforeAll(async () => {
    built = await buildBook(manuscript, await temp());
    html = await readFile(built.html, 'utf8');
  });

  it('builds, warning only of the type nobody declared and of the infobox picture too small for print', () => {
    expect(built.messages).toBe(
      'chapters/01-victory.md:8:10: warning: The image `../images/ship.png` is printed at 96 ppi: below 200 ppi it looks soft on paper; use an image with more pixels or print it smaller (`{width=…}`) [low-resolution]\n' +
        'chapters/03-unknown.md:3:9: warning: Unknown infobox type `lighthouse`. It is shown as a generic box of its fields; declare the type in `infoboxes/lighthouse.yaml` (known types: military-conflict, person, officeholder, organization, event, place, book, ship) [unknown-infobox-type]\n',
    );
  });

  it('renders every kind of value of a declared type in the HTML edition', () => {
    expect(infoboxRows(html, 'infobox-victory')).toMatchSnapshot();
    expect(select('#infobox-victory img', fromHtml(html))?.properties.src).toMatch(/^data:image\/png;base64,/);
    expect(select('#infobox-victory a', fromHtml(html))?.properties.href).toBe('https://www.hms-victory.com/');
  });

  it("uses the manuscript's own type over Galley's of the same name", () => {
    expect(infoboxRows(html, 'infobox-rhodes')).toEqual(['Siege of Rhodes (caption)', 'Theatre | Eastern Mediterranean']);
  });

  it('shows an undeclared type as a generic box of its fields, labels from the keys', () => {
    expect(infoboxRows(html, 'infobox-unknown')).toEqual([
      'Eddystone Lighthouse (caption)',
      'Term start | 1882',
      'Keepers | A. KeeperB. Keeper',
      'Light | Range: 22 nautical milesCharacteristic: Two white flashes every ten seconds',
    ]);
  });

  it('prints the infoboxes in the PDF', async () => {
    const first = await pageText(built.pdf, 5);
    for (const text of ['HMS Victory', 'Class First-rate ship of the line', 'Tons burthen', '2,142', '50.8022°N 1.1097°W', 'Mediterranean Fleet']) {
      expect(first).toContain(text);
    }
    expect(await pageText(built.pdf, 9)).toContain('Two white flashes every ten seconds');
  });

  it('carries the infoboxes into an EPUB that epubcheck and Ace pass', async () => {
    const epub = await readEpub(built.epub);
    const chapter = epub.names.find((name) => name.endsWith('victory.xhtml'))!;
    expect(epub.text(chapter)).toContain('<tbody class="infobox-columns">');
    const check = await epubcheck(built.epub);
    expect(check.report.trim()).toBe('');
    expect(await ace(built.epub)).toEqual([]);
  });

  it('fails in strict mode on the warning, writing nothing', async () => {
    const out = await temp();
    await expect(build({ root: manuscript, outDir: out, formats: ['html'], strict: true })).rejects.toThrow(/Unknown infobox type `lighthouse`/);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('JSON Schemas for editors', () => {
  it('are written by writeSchemas and are the committed ones', async () => {
    const out = await temp();
    const written = await writeSchemas(manuscript, out);
    expect(written.map((file) => path.basename(file))).toContain('infobox-ship.schema.json');
    for (const file of written) {
      expect(await readFile(file, 'utf8'), path.basename(file)).toBe(await readFile(path.join(manuscript, 'schemas', path.basename(file)), 'utf8'));
    }
  });

  it("validate the chapters' front matter and book.yaml, and catch what the build catches", async () => {
    const { types } = await loadInfoboxTypes(manuscript);
    const schemas = jsonSchemas(types);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const chapter = ajv.compile(JSON.parse(schemas.get('chapter.schema.json')!));
    const book = ajv.compile(JSON.parse(schemas.get('book.schema.json')!));
    const front = async (name: string) => parseYaml((await readFile(path.join(manuscript, 'chapters', name), 'utf8')).split('---\n')[1]!);
    for (const name of ['01-victory.md', '02-rhodes.md', '03-unknown.md']) expect(chapter(await front(name)), name).toBe(true);
    expect(book(parseYaml(await readFile(path.join(manuscript, 'book.yaml'), 'utf8')))).toBe(true);

    const victory = await front('01-victory.md');
    expect(chapter({ infobox: { ...victory.infobox, tonnage: 'heavy' } })).toBe(false);
    expect(chapter({ infobox: { ...victory.infobox, crew: 850 } })).toBe(false);
    expect(chapter({ infobox: { type: 'ship' } })).toBe(false);
    expect(chapter({ infobox: { type: 'person', name: 'A', born: 1900 } })).toBe(false);
    const withTrim = (trim: string) => book({ title: 'T', language: 'en', creator: 'C', identifier: 'urn:isbn:0000000000', chapters: ['a.md'], trim });
    expect(withTrim('B9')).toBe(false);
    expect(withTrim('5.5in by 8.5in')).toBe(false);
    expect(withTrim('royal')).toBe(true);
    expect(withTrim('5.5in x 8.5in')).toBe(true);
  });

  it('describe the declaration format', async () => {
    const schemas = jsonSchemas(await builtinInfoboxTypes());
    const ajv = new Ajv({ allErrors: true, strict: false });
    const declaration = ajv.compile(JSON.parse(schemas.get('infobox-declaration.schema.json')!));
    expect(declaration(parseYaml(await readFile(path.join(manuscript, 'infoboxes', 'ship.yaml'), 'utf8')))).toBe(true);
    expect(declaration({ name: 'x', caption: 'a', fields: { a: { type: 'txt' } } })).toBe(false);
  });
});

describe('the shipped infobox types', () => {
  it('are declared in YAML files of the package, each checked', async () => {
    const types = await builtinInfoboxTypes();
    expect([...types.keys()]).toEqual([...builtinTypeNames]);
    expect(builtinTypeNames).toEqual(expect.arrayContaining(['military-conflict', 'person', 'officeholder', 'organization', 'event', 'place', 'book']));
    for (const type of types.values()) expect(type.declaration?.name).toBe(type.name);
  });
});

describe('infobox types written in TypeScript', () => {
  const ship = defineInfobox({
    name: 'ship',
    caption: 'name',
    fields: {
      name: { type: 'text', required: true },
      tonnage: { type: 'number' },
      officers: { type: 'people' },
      fleets: { type: 'group', repeat: true, show: 'columns', fields: { fleet: { type: 'text' } } },
    },
  });

  it('give the type of their data', () => {
    expectTypeOf<InfoboxData<typeof ship>>().toEqualTypeOf<{
      type: 'ship';
      name: string;
      tonnage?: number;
      officers?: { name: string; role?: string }[];
      fleets?: { fleet?: string }[];
    }>();
  });

  it('compile into a type that validates and renders, and are checked', () => {
    const type = compileInfoboxType(ship);
    expect(type.name).toBe('ship');
    expect(() => compileInfoboxType({ ...ship, caption: 'title' })).toThrow(/Unknown field `title` named as the caption/);
    expect(() => compileInfoboxType({ ...ship, fields: { name: { type: 'txt' as 'text' } } })).toThrow(/Expected a value type/);
  });
});

describe('a bad manuscript declaration', () => {
  it('is reported at its place and stops the build (see tests/fixtures/bad/declaration-*)', async () => {
    const { files } = await loadInfoboxTypes(fixtures('bad', 'declaration-inconsistent'));
    expect(
      formatAll(
        files.flatMap((file) => file.messages),
        fixtures('bad', 'declaration-inconsistent'),
      ),
    ).toContain('infoboxes/ship.yaml:2:10: error: Unknown field `title` named as the caption');
  });
});

describe('found by an independent test', () => {
  const base = { name: 'ship', caption: 'name', fields: { name: { type: 'text', required: true } } } as const;

  it('refuses joining the caption, whose row is not shown', () => {
    expect(() => compileInfoboxType({ ...base, fields: { ...base.fields, a: { type: 'date', joins: 'name' } } })).toThrow(
      /Expected `joins` to name a field shown as a row, not the caption `name`/,
    );
  });

  it('refuses numbers no edition can show exactly', () => {
    const type = compileInfoboxType({ ...base, fields: { ...base.fields, tons: { type: 'number' } } });
    expect(v.safeParse(type.schema, { type: 'ship', name: 'X', tons: 2 ** 60 }).success).toBe(false);
    expect(v.safeParse(type.schema, { type: 'ship', name: 'X', tons: 2142 }).success).toBe(true);
  });

  it('shows no empty rows in a generic box, and no table-headers warning for an image-only box', async () => {
    const dir = await temp();
    await writeFile(
      path.join(dir, 'book.yaml'),
      'title: T\nlanguage: en\ncreator: C\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-000000000902\nchapters: [a.md, b.md]\n',
    );
    await writeFile(path.join(dir, 'a.md'), '---\ninfobox:\n  type: zork\n  name: Z\n  a: ""\n  b: null\n  c: []\n  d: {}\n  e: kept\n---\n\n# A\n');
    await mkdir(path.join(dir, 'images'));
    await copyFile(path.join(manuscript, 'images', 'ship.png'), path.join(dir, 'images', 'p.png'));
    await writeFile(path.join(dir, 'b.md'), '---\ninfobox:\n  type: person\n  name: P\n  image: { src: images/p.png, alt: A picture }\n---\n\n# B\n');
    const result = await build({ root: dir, outDir: await temp(), formats: ['html'] });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['unknown-infobox-type']);
    const html = await readFile(result.outputs[0]!.path, 'utf8');
    expect(infoboxRows(html, 'infobox-a')).toEqual(['Z (caption)', 'E | kept']);
  });

  it('reports a type declared twice, and a schema request for a folder that is no manuscript', async () => {
    const dir = await temp();
    await mkdir(path.join(dir, 'infoboxes'));
    await writeFile(path.join(dir, 'infoboxes', 'ship.yaml'), 'name: ship\ncaption: name\nfields:\n  name: { type: text, required: true }\n');
    await writeFile(path.join(dir, 'infoboxes', 'ship.yml'), 'name: ship\ncaption: name\nfields:\n  name: { type: text, required: true }\n');
    const { files } = await loadInfoboxTypes(dir);
    expect(
      formatAll(
        files.flatMap((file) => file.messages),
        dir,
      ),
    ).toContain('infoboxes/ship.yml:1:1: error: Unexpected second declaration of the type `ship`');
    await expect(writeSchemas(path.join(dir, 'missing'))).rejects.toThrow(/Cannot find `book.yaml`/);
  });
});
