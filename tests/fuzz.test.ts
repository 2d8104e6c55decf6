import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, GalleyError, importArticle } from '../src/index.js';
import { tempDirs } from './helpers.js';

const temp = tempDirs();
let dir: string;
beforeAll(async () => {
  dir = await temp();
});

const validBook = `title: Fuzz
language: en
creator: Tester
identifier: urn:uuid:11111111-2222-4333-8444-555555555560
date: 2024-01-01
chapters:
  - chapters/one.md
`;

const validChapter = `---
infobox:
  type: military-conflict
  conflict: Revolt
  date: 1963-07-03
  place: Baghdad
  sides:
    - combatants: [A, B]
      commanders:
        - name: C
          role: Leader of D
---

# One

Text with *emphasis*, a [link](#one) and a note[^1].

| a | b |
| - | - |
| 1 | 2 |

[^1]: A note.
`;

/** Mutations of a valid text: inserted, deleted and replaced characters from a nasty alphabet. */
const nasty = fc.constantFrom(
  ...'\n\r\t :-#*[]{}()<>|&"\'\\`~!^%$@=+,.;?/0123456789aZ\u00a0\u200b\u00ad\ufeff\u0000é—ثورة𝔘'.split(''),
  '<script>',
  '---',
  '- ',
  '  ',
  '\n---\n',
  'javascript:',
);
const mutated = (base: string) =>
  fc
    .array(
      fc.tuple(
        fc.nat({ max: base.length }),
        fc.nat({ max: 3 }),
        fc.array(nasty, { maxLength: 4 }).map((a) => a.join('')),
      ),
      { maxLength: 6 },
    )
    .map((edits) => {
      let text = base;
      for (const [at, remove, insert] of edits) {
        const i = Math.min(at, text.length);
        text = text.slice(0, i) + insert + text.slice(i + remove);
      }
      return text;
    });

/** Either it built, or every message is located and has a rule. Anything else fails the property. */
function expectBuiltOrLocated(outcome: unknown): void {
  if (outcome === 'ok') return;
  expect(outcome, String((outcome as Error)?.stack ?? outcome)).toBeInstanceOf(GalleyError);
  for (const message of (outcome as GalleyError).messages) {
    expect(message.file).toBeTruthy();
    expect(message.line, `${message.reason} has a line`).toBeGreaterThanOrEqual(1);
    expect(message.column, `${message.reason} has a column`).toBeGreaterThanOrEqual(1);
    expect(message.ruleId).toBeTruthy();
  }
}

describe('fuzzing', () => {
  it('random and mutated manuscripts build or fail with located messages', async () => {
    const root = path.join(dir, 'book');
    const anyText = fc.string({ unit: 'binary', maxLength: 400 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated(validBook), anyText),
        fc.oneof({ weight: 3, arbitrary: mutated(validChapter) }, { weight: 1, arbitrary: anyText }),
        async (book, chapter) => {
          await rm(root, { recursive: true, force: true });
          await mkdir(path.join(root, 'chapters'), { recursive: true });
          await writeFile(path.join(root, 'book.yaml'), book);
          await writeFile(path.join(root, 'chapters', 'one.md'), chapter);
          const outcome = await build({ root, outDir: path.join(dir, 'out'), formats: ['html', 'epub'] }).then(
            () => 'ok',
            (e: unknown) => e,
          );
          expectBuiltOrLocated(outcome);
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('random and mutated wiki-text articles import or fail with located messages', async () => {
    const article = `= Title =\n\nInfobox\n- Conflict: X\n- Date: 3 July 1963\n- Place: Y\n- Commander1: A, Leader of B\n\nText.\n\n==Section==\nMore.\n- item\n`;
    const file = path.join(dir, 'article.txt');
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(article), fc.string({ unit: 'binary', maxLength: 300 })), async (text) => {
        await writeFile(file, text);
        const outcome = await importArticle(file, { language: 'en', creator: ['X'] }).then(
          () => 'ok',
          (e: unknown) => e,
        );
        expectBuiltOrLocated(outcome);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
