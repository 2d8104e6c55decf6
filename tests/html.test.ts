import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { fixtures, formatAll, repoRoot, tempDirs, writeFiles } from './helpers.js';

const cases = readdirSync(fixtures('html'));
const temp = tempDirs();

async function buildHtml(root: string): Promise<{ html: string; messages: string }> {
  const out = await temp();
  const result = await build({ root, outDir: out, formats: ['html'] });
  expect(result.outputs).toHaveLength(1);
  const html = await readFile(result.outputs[0]!.path, 'utf8');
  return { html, messages: result.messages.length === 0 ? '' : formatAll(result.messages, root) };
}

/** The body of the document, without the inlined style sheets (snapshotted apart). */
const withoutStyles = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '<style>…</style>');

describe('HTML edition', () => {
  it.each(cases)('matches the expected output of fixture %s', async (name) => {
    const dir = fixtures('html', name);
    const { html, messages } = await buildHtml(path.join(dir, 'input'));
    await expect(withoutStyles(html)).toMatchFileSnapshot(path.join(dir, 'output.html'));
    await expect(messages).toMatchFileSnapshot(path.join(dir, 'messages.txt'));
  });

  it('builds the committed manuscript: the whole article with its infobox', async () => {
    const { html, messages } = await buildHtml(path.join(repoRoot, 'manuscript'));
    expect(messages).toBe('');
    await expect(withoutStyles(html)).toMatchFileSnapshot(fixtures('manuscript.html'));
    // Every paragraph of the seed made it into the edition.
    const seed = await readFile(fixtures('import', 'ar-rashid-revolt.txt'), 'utf8');
    const paragraphs = seed.split('\n').filter((line) => line.length > 80 && !line.startsWith('-'));
    expect(paragraphs.length).toBeGreaterThan(10);
    // Typographic punctuation as ASCII on both sides (the seed types some, the edition sets the rest).
    const ascii = (value: string) => value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/—/g, '---').replace(/–/g, '--').replace(/…/g, '...');
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3C;/g, '<')
      .replace(/&amp;/g, '&');
    for (const paragraph of paragraphs) expect(ascii(text)).toContain(ascii(paragraph));
  });

  it('keeps the classes an author gives headings of every level', async () => {
    const root = await temp();
    await writeFiles(root, {
      'chapters/one.md': '# One {.opening}\n\nText.\n\n## Two {.wide}\n\nText.\n\n### Three {.aside}\n\nText.[^n]\n\n[^n]: A note.\n',
      'book.yaml': 'title: Classes\nlanguage: en\ncreator: A\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a13\nchapters: [chapters/one.md]\n',
    });
    const { html } = await buildHtml(root);
    expect(html).toMatch(/<h1 class="opening" id="one">/);
    expect(html).toMatch(/<h2 class="wide" id="two">/);
    expect(html).toMatch(/<h3 class="aside" id="three">/);
  });

  it('is a standalone document: styles inlined, no external references', async () => {
    const { html } = await buildHtml(path.join(repoRoot, 'manuscript'));
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toMatch(/<style>[\s\S]*\.infobox[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<link |<script|src="/);
  });

  it('never lets scripts, handlers or script URLs through', async () => {
    const { html, messages } = await buildHtml(fixtures('html', 'unsafe-html', 'input'));
    expect(html).not.toMatch(/<script|onclick|javascript:|<iframe|<object/i);
    expect(html).toContain('fallback text');
    expect(messages).toMatch(/chapters\/unsafe\.md:3:1: warning: Unexpected `<script>`/);
  });

  it('gives headings ids unique across chapters and keeps in-chapter links right', async () => {
    const { html } = await buildHtml(fixtures('html', 'multi-chapter', 'input'));
    expect(html).toContain('<h2 id="background">Background</h2>');
    expect(html).toContain('<h2 id="background-1">Background</h2>');
    expect(html).toContain('href="#background-1">background</a>');
    expect(html).toContain('id="first-fn-1"');
    expect(html).toContain('id="second-part-fn-1"');
  });
});
