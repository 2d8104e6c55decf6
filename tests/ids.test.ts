import { readFile } from 'node:fs/promises';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { tempDirs, writeFiles } from './helpers.js';

const temp = tempDirs();
const bookYaml = (chapters: string[]) =>
  `title: Ids\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555507\nchapters: [${chapters.join(', ')}]\n`;

/** The HTML edition's element ids, in order, and where its links point. */
async function htmlIds(files: Record<string, string>) {
  const root = await temp();
  await writeFiles(root, files);
  const result = await build({ root, outDir: await temp(), formats: ['html'] });
  const tree = fromHtml(await readFile(result.outputs[0]!.path, 'utf8'));
  const ids = selectAll('[id]', tree).map((element) => String(element.properties.id));
  const links = selectAll('a[href^="#"]', tree).map((element) => String(element.properties.href));
  return { ids, links };
}

describe('ids across the book', () => {
  it('never gives a heading an id an author wrote, in a later chapter as in the same', async () => {
    const { ids, links } = await htmlIds({
      'book.yaml': bookYaml(['a.md', 'b.md']),
      'a.md': '# Intro\n\nSee [the other](b.md#intro).\n',
      'b.md': '# B\n\n<p id="intro">Written intro.</p>\n\n[Back](a.md#intro)\n',
    });
    expect(ids.filter((id) => id.startsWith('intro'))).toEqual(['intro-1', 'intro']);
    // The contents, then each link where it was written to: a.md's heading is `intro-1` now.
    expect(links.filter((href) => href.startsWith('#intro'))).toEqual(['#intro-1', '#intro', '#intro-1']);
  });

  it('never gives a heading the id of a footnote section or note', async () => {
    const { ids } = await htmlIds({
      'book.yaml': bookYaml(['a.md']),
      'a.md': '# Main\n\n## A footnote label\n\nText.[^1]\n\n[^1]: A note.\n',
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('a-footnote-label');
    expect(ids).toContain('a-footnote-label-1');
  });

  it('takes a written id as it reads: a heading never gets the id a percent-encoded one reads as', async () => {
    const { ids } = await htmlIds({
      'book.yaml': bookYaml(['a.md', 'b.md']),
      'a.md': '# A\n\n## Café\n\nText.\n',
      'b.md': '# B\n\n<p id="caf%C3%A9">Written.</p>\n',
    });
    expect(ids.filter((id) => id.startsWith('caf'))).toEqual(['café-1', 'caf%C3%A9']);
  });
});
