import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importArticle, importArticles, writeManuscript } from '../src/index.js';
import { buildBook, type BuiltBook } from './corpus-tools.js';
import { epubcheck } from './epub-tools.js';
import { formatAll, repoRoot, tempDirs } from './helpers.js';
import { compareWords } from './pdf-words.js';

/**
 * Articles in the wiki-text export format that are not the seed (see
 * tests/corpus-import/README.md): conflicts, people, officeholders, places,
 * organisations, events and a book, with lists, quotations, tables, links and
 * long commander lists. Each imports without a warning; together they make one
 * book that builds into every edition.
 */
const corpus = path.join(repoRoot, 'tests', 'corpus-import');
const articles = readdirSync(corpus)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const temp = tempDirs();
/** What the command line would give for the articles without header lines. */
const flags = { creator: ['Galley corpus'], date: '2026-11-24' };

/** The words of a text, markup and punctuation aside, as a multiset. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe.each(articles)('%s', (name) => {
  let chapter: string;
  let messages: string;
  beforeAll(async () => {
    const result = await importArticle(path.join(corpus, name), flags);
    chapter = result.files.find((file) => file.path.startsWith('chapters/'))!.content;
    messages = result.messages.length === 0 ? '' : formatAll(result.messages, corpus);
  });

  it('imports without a warning', () => {
    expect(messages).toBe('');
  });

  // The infobox's keys become field names and its dates ISO dates: its entries are
  // checked by the warning test (an entry not taken is a warning).
  it('keeps every word of the article body', async () => {
    const input = wordCounts(
      (await readFile(path.join(corpus, name), 'utf8'))
        .replace(/^Infobox\n(- .*\n)+/m, '')
        .replace(/^(Author|Date|Subjects|Language): .*$/gm, '')
        .replace(/^[-*#]+|^\s*\d+[.)]|^\{\||^\|[}+-]?|class="wikitable"|!!|\|\||^!/gm, ' ')
        .replace(/\[(https?:\/\/\S+)\s/g, ' ')
        .replace(/\[\[[^\]|]+\|/g, ' '),
    );
    const output = wordCounts(chapter);
    const lost = [...input].filter(([word, count]) => (output.get(word) ?? 0) < count).map(([word]) => word);
    expect(lost).toEqual([]);
  });

  it('makes the chapter it made before', () => {
    expect(chapter).toMatchSnapshot();
  });
});

describe('the constructs of the corpus', () => {
  let chapters: string;
  beforeAll(async () => {
    const result = await importArticles(
      articles.map((name) => path.join(corpus, name)),
      flags,
    );
    chapters = result.files
      .filter((file) => file.path.startsWith('chapters/'))
      .map((file) => file.content)
      .join('\n');
  });

  it.each([
    ['ordered lists', /^1\. /m],
    ['nested lists', /^ {2,}(-|\d+\.) /m],
    ['block quotes', /^> \S/m],
    ['tables', /^\| .* \|$\n^\| -+ \|/m],
    ['bold', /\*\*\S/],
    ['italic', /(^|\W)\*[^*\s]/],
    ['links', /\]\(https?:\/\//],
  ])('become Markdown: %s', (_, pattern) => {
    expect(chapters).toMatch(pattern);
  });

  it('maps infoboxes onto every shipped type', () => {
    const types = new Set([...chapters.matchAll(/^ {2}type: (\S+)$/gm)].map((m) => m[1]));
    expect([...types].sort()).toEqual(['book', 'event', 'military-conflict', 'officeholder', 'organization', 'person', 'place']);
  });
});

describe('one book of every article', () => {
  let built: BuiltBook;
  let book: Record<string, unknown>;
  beforeAll(async () => {
    const dir = await temp();
    const result = await importArticles(
      articles.map((name) => path.join(corpus, name)),
      { ...flags, title: 'Articles' },
    );
    expect(result.messages).toEqual([]);
    await writeManuscript(dir, result.files);
    book = parseYaml(await readFile(path.join(dir, 'book.yaml'), 'utf8')) as Record<string, unknown>;
    built = await buildBook(dir, await temp());
  }, 300_000);

  it('has a chapter per article, a date and a creator', () => {
    expect(book.chapters).toHaveLength(articles.length);
    expect(book).toMatchObject({ title: 'Articles', date: '2026-11-24', creator: 'Galley corpus' });
  });

  it('builds every edition without a warning', () => {
    expect(built.messages.trim()).toBe('');
  });

  it('prints every word of the HTML edition', async () => {
    const report = await compareWords(built.pdf, built.html, built.language, built.unprintable);
    expect(report.missing).toEqual([]);
    expect(report.leftOut / report.total).toBeLessThan(0.02);
  });

  it('makes an EPUB epubcheck passes', async () => {
    const check = await epubcheck(built.epub);
    expect(check.report.trim()).toBe('');
  });
});
