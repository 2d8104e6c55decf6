import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toString as textOf } from 'hast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { typesetText } from '../src/stages/render/plugins/remark-typography.js';
import { tempDirs, writeFiles } from './helpers.js';

const temp = tempDirs();

/** Build a one-chapter book's HTML edition and return its chapter's parsed HTML. */
async function chapterHtml(language: string, markdown: string, extra = '', files: Record<string, string> = {}) {
  const root = await temp();
  await writeFiles(root, {
    ...Object.fromEntries(Object.entries(files).map(([name, content]) => [`chapters/${name}`, content])),
    'chapters/one.md': markdown,
    'book.yaml': `title: Typography\nlanguage: ${language}\ncreator: Tester\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555510\n${extra}chapters:\n  - chapters/one.md\n`,
  });
  const result = await build({ root, outDir: path.join(root, 'out'), formats: ['html'] });
  return fromHtml(await readFile(result.outputs[0]!.path, 'utf8'));
}

const paragraphs = async (language: string, markdown: string, extra = '') =>
  selectAll('main p', await chapterHtml(language, markdown, extra)).map((p) => textOf(p));

describe('typography', () => {
  it('keeps quotes that open a block after a heading as the whole text would have them, and prints nothing', async () => {
    const printed: unknown[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args);
    try {
      // Whether the block before ends a sentence decides a quote that opens the next one.
      expect(await paragraphs('en', `# Inleiding\n\n's Avonds 1963. x–-y and a---b.\n`)).toEqual(['‘s Avonds 1963. x–-y and a—b.']);
    } finally {
      console.log = log;
    }
    expect(printed).toEqual([]);
  });

  it('sets quotes, apostrophes, dashes and ellipses in English, across emphasis and links', async () => {
    const text = await paragraphs('en', `# One\n\nShe said "it's the '80s -- 1990--2000 --- a 'fine' time..." and *"stressed"* [a "link"](#one).\n`);
    expect(text[0]).toBe('She said “it’s the ’80s – 1990–2000 — a ‘fine’ time…” and “stressed” a “link”.');
  });

  it("uses the language's marks, and tells apostrophes from closing quotes where they differ", async () => {
    expect(await paragraphs('de', `# Eins\n\nEr sagte: "Das geht's nicht, 'ganz' sicher" -- Hans' Buch.\n`)).toEqual([
      'Er sagte: „Das geht’s nicht, ‚ganz‘ sicher“ – Hans’ Buch.',
    ]);
    expect(await paragraphs('fr-CA', `# Un\n\nIl a dit "l'homme est là" et 'oui'.\n`)).toEqual(['Il a dit «\u202Fl’homme est là\u202F» et “oui”.']);
    expect(await paragraphs('ru', `# Один\n\nОн сказал "да 'нет'".\n`)).toEqual(['Он сказал «да „нет“».']);
    expect(await paragraphs('sv', `# Ett\n\nHan sa "ja".\n`)).toEqual(['Han sa ”ja”.']);
  });

  it('keeps code, raw HTML attributes and Japanese quotes as typed', async () => {
    const tree = await chapterHtml('en', '# One\n\nRun `echo "it\'s"` now.\n\n```\nsay "hi" -- there\n```\n');
    expect(textOf(select('main p code', tree)!)).toBe('echo "it\'s"');
    expect(textOf(select('main pre', tree)!)).toBe('say "hi" -- there\n');
    expect(await paragraphs('ja', '# 一\n\n彼は"こんにちは"と言った...\n')).toEqual(['彼は"こんにちは"と言った…']);
  });

  it('sets headings, table cells, notes and infobox values too', async () => {
    const tree = await chapterHtml(
      'en',
      `---\ninfobox:\n  type: person\n  name: Jane "JJ" O'Neil\n---\n# The "one"\n\n| a |\n| - |\n| it's |\n\nText.[^n]\n\n[^n]: A "note".\n`,
    );
    expect(textOf(select('main h1', tree)!)).toBe('The “one”');
    expect(textOf(select('main td', tree)!)).toBe('it’s');
    expect(textOf(select('main [role="doc-endnotes"] li p, main .footnotes li p', tree)!)).toContain('A “note”.');
    expect(textOf(select('main .infobox', tree)!)).toContain('Jane “JJ” O’Neil');
  });

  it("sets a figure's caption (the image's title) and its description, in the book's language", async () => {
    const svg = { 'press.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>' };
    const markdown = `# Figures\n\n![Moxon's "common" press -- a sketch](press.svg "Moxon's press, after his 'Exercises' -- 1683...")\n`;
    const tree = await chapterHtml('en', markdown, '', svg);
    expect(textOf(select('main figcaption', tree)!)).toBe('Moxon’s press, after his ‘Exercises’ – 1683…');
    expect(select('main figure img', tree)!.properties.alt).toBe('Moxon’s “common” press – a sketch');
    const german = await chapterHtml('de', markdown.replace('# Figures', '# Bilder'), '', svg);
    expect(textOf(select('main figcaption', german)!)).toBe('Moxon’s press, after his ‚Exercises‘ – 1683…');
  });

  it('leaves addresses shown as themselves alone, and keeps spaces the author typed in French', async () => {
    expect(await paragraphs('en', `# One\n\nSee https://example.com/x--y...z and <mailto:a--b@example.com> -- "done".\n`)).toEqual([
      'See https://example.com/x--y...z and mailto:a--b@example.com – “done”.',
    ]);
    expect(await paragraphs('fr', '# Un\n\n«\u202FDéjà\u202F» et "oui".\n')).toEqual(['«\u202FDéjà\u202F» et «\u202Foui\u202F».']);
  });

  it("takes a quote before a decade's digits for an apostrophe, inside quotes too", async () => {
    expect(await paragraphs('de', `# Eins\n\nE 'Die '80s waren toll' F.\n`)).toEqual(['E ‚Die ’80s waren toll‘ F.']);
  });

  it('is off with `typography: false`', async () => {
    expect(await paragraphs('en', `# One\n\nShe said "it's" -- so...\n`, 'typography: false\n')).toEqual([`She said "it's" -- so...`]);
  });

  it('keeps private-use characters the manuscript holds (the apostrophe placeholder is one it does not)', () => {
    expect(typesetText("it's \uE000 and \uE001 'x'", 'de')).toBe('it’s \uE000 and \uE001 ‚x‘');
  });

  it('sets a line of text alone (infobox values) as it sets a paragraph', () => {
    expect(typesetText(`"Ba'ath" -- 1963`, 'en')).toBe('“Ba’ath” – 1963');
    expect(typesetText('"Ja"', 'de-AT')).toBe('„Ja“');
  });
});
