import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../src/shared/read-text.js';
import { build } from '../src/index.js';
import { expectGalleyError, fixtures, listFiles, tempDirs } from './helpers.js';

const temp = tempDirs();

/** A manuscript of about `bytes` characters, from the seed's paragraphs. */
async function bigManuscript(dir: string, bytes: number): Promise<void> {
  const seed = await readFile(fixtures('import', 'ar-rashid-revolt.txt'), 'utf8');
  const paragraphs = seed
    .split('\n')
    .filter((line) => line.length > 200)
    .join('\n\n');
  await mkdir(path.join(dir, 'chapters'));
  const chapters: string[] = [];
  for (let size = 0, n = 1; size < bytes; n++) {
    let body = `# Chapter ${n}\n\n`;
    for (let s = 1; s <= 8; s++) body += `## Section ${n}.${s}\n\n${paragraphs}\n\n`;
    const name = `chapters/c${String(n).padStart(3, '0')}.md`;
    await writeFile(path.join(dir, name), body);
    chapters.push(name);
    size += body.length;
  }
  await writeFile(
    path.join(dir, 'book.yaml'),
    `title: Big Book\nlanguage: en\ncreator: Gen\nidentifier: urn:uuid:11111111-2222-4333-8444-55555555555d\ndate: 2024-01-01\nchapters:\n${chapters.map((c) => `  - ${c}\n`).join('')}`,
  );
}

describe('very large input', () => {
  it('builds a 5 MB manuscript (HTML and EPUB)', async () => {
    const out = await temp();
    const root = path.join(out, 'book');
    await mkdir(root);
    await bigManuscript(root, 5_000_000);
    const result = await build({ root, outDir: path.join(out, 'out'), formats: ['html', 'epub'] });
    expect(result.outputs.map((o) => o.format)).toEqual(['html', 'epub']);
    const html = await readFile(result.outputs[0]!.path, 'utf8');
    expect(html).toContain('<h2 id="section-998">Section 99.8</h2>');
  });

  it('stops with a clear error naming the limit for a file over it', async () => {
    const out = await temp();
    const root = path.join(out, 'book');
    await mkdir(path.join(root, 'chapters'), { recursive: true });
    await writeFile(
      path.join(root, 'book.yaml'),
      'title: T\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-55555555555e\nchapters: [chapters/huge.md]\n',
    );
    await writeFile(path.join(root, 'chapters', 'huge.md'), '');
    await truncate(path.join(root, 'chapters', 'huge.md'), MAX_TEXT_BYTES + 1); // sparse: no disk used
    const error = await expectGalleyError(() => build({ root, outDir: path.join(out, 'out'), formats: ['html'] }));
    expect(error.messages[0]!.reason).toBe('File too large: 64.0 MiB, the limit is 64 MiB per file; split it into chapters');
    expect(await listFiles(path.join(out, 'out'))).toEqual([]);
  });
});
