import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { makeBook } from '../src/build/make-book.js';
import { tocList } from '../src/editions/shared/toc.js';
import { tempDirs, writeFiles } from './helpers.js';

const temp = tempDirs();

describe('the contents', () => {
  it('give a heading in another language its language, and leave out a heading inside a note', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml': 'title: T\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0f6b1b7e-8f0e-4a53-9d2f-3c7a2b1e4d58\ndate: 2026-01-02\nchapters: [one.md]\n',
      'one.md': [
        '# One',
        '',
        'Text with a note.[^n]',
        '',
        '<h2 lang="fr">Deuxième partie</h2>',
        '',
        'More.',
        '',
        '## Third',
        '',
        '[^n]: A note.',
        '',
        '    ## Heading in a note',
        '',
        '    And its text.',
        '',
      ].join('\n'),
    });
    const book = await makeBook(root);
    const [chapter] = book.chapters;
    expect(chapter!.outline.map((entry) => [entry.text, entry.lang])).toEqual([
      ['One', undefined],
      ['Deuxième partie', 'fr'],
      ['Third', undefined],
    ]);
    const html = toHtml(tocList(book.chapters, { depth: 2, href: (_chapter, id) => `#${id}`, language: 'en' }));
    expect(html).toContain('lang="fr">Deuxième partie</a>');
    expect(html).not.toContain('Heading in a note');
  });
});
