import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { slugify } from '../src/shared/slug.js';
import { tempDirs, writeFiles } from './helpers.js';

const temp = tempDirs();

describe('file names from titles', () => {
  it('are ASCII slugs, cut at a word when the title is long', () => {
    expect(slugify('Ar-Rashid revolt')).toBe('ar-rashid-revolt');
    expect(slugify('Ça ira — « le peuple »')).toBe('ca-ira-le-peuple');
    expect(slugify('!!!')).toBe('book');
    const long = slugify('The history of the lighthouse boards of the world, told one coast at a time, from Pharos to the present day and beyond');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe('the-history-of-the-lighthouse-boards-of-the-world-told-one-coast-at-a-time-from');
    expect(slugify('x'.repeat(500))).toBe('x'.repeat(80));
  });

  it('let a book with a title of thousands of characters be written', async () => {
    const root = await temp();
    const title = Array.from({ length: 600 }, (_x, i) => `word${i}`).join(' ');
    await writeFiles(root, {
      'book.yaml': `title: "${title}"\nlanguage: en\ncreator: A. Author\nidentifier: urn:uuid:7c3f1f4e-2f4b-4c55-9a51-6f2f4c1d8e11\nchapters:\n  - chapters/01.md\n`,
      'chapters/01.md': '# One\n\nText.\n',
    });
    const out = await temp();
    const result = await build({ root, outDir: out, formats: ['html', 'epub'] });
    expect(result.outputs.map((o) => path.basename(o.path))).toEqual([`${slugify(title)}.html`, `${slugify(title)}.epub`]);
  });
});
