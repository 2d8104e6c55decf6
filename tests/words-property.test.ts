import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBook } from './corpus-tools.js';
import { tempDirs } from './helpers.js';
import { compareWords } from './pdf-words.js';

/**
 * Random books on every trim size, in three languages: paragraphs of words short
 * and long (compounds that hyphenate many times, words too long to hyphenate),
 * author-typed soft hyphens, right-to-left runs and emoji; headings, lists,
 * quotations and tables, so page breaks fall everywhere. Every
 * word must be on the pages, split only where the language allows, and the build's
 * own layout verifier must have found nothing (it fails the build otherwise).
 */
const temp = tempDirs();

const vocabulary: Record<string, string[]> = {
  en: 'the of and tunnel engineer river excavation shield brickwork inundation extraordinarily incomprehensibilities characteristically photographer notebook villages university demonstration counterrevolutionaries electroencephalography responsibility international'.split(
    ' ',
  ),
  de: 'der die und Schwebebahn Wuppertal Fahrzeug Haltestelle Donaudampfschifffahrtsgesellschaft Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz Verkehrsmittel Aufhängung Stahlkonstruktion Gerüst'.split(
    ' ',
  ),
  fr: "le la et canal écluse ingénieur Languedoc anticonstitutionnellement navigation méditerranée construction aqueduc réservoir d'eau l'ouvrage".split(' '),
};

/** Also in every language: soft-hyphen-heavy words (typed by the author), a right-to-left run, emoji. */
const anywhere = [
  'hy\u00adphen\u00adated',
  'su\u00adper\u00adcal\u00adi\u00adfrag\u00adil\u00adis\u00adtic',
  'مرحبا بالعالم',
  'שלום עולם',
  '🙂',
  '👩‍🔬',
  '2024',
];

// A block starts with a word of the language: a block that starts with a right-to-left
// word is laid out right to left, and poppler gives such a block's lines in visual
// order, where a hyphenated word's halves are not next to each other (the layout
// verifier, which reads the pages' text in logical order, checks those too).
const words = (language: string) =>
  fc
    .tuple(
      fc.constantFrom(...vocabulary[language]!),
      fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...vocabulary[language]!) }, { weight: 1, arbitrary: fc.constantFrom(...anywhere) }), {
        minLength: 3,
        maxLength: 120,
      }),
    )
    .map(([first, rest]) => `${[first, ...rest].join(' ')}.`);

const block = (language: string) =>
  fc.oneof(
    { weight: 6, arbitrary: words(language) },
    { weight: 1, arbitrary: words(language).map((text) => `## ${text.slice(0, 60).replace(/[.\s]+$/, '')}`) },
    { weight: 1, arbitrary: fc.array(words(language), { minLength: 1, maxLength: 6 }).map((items) => items.map((item) => `- ${item}`).join('\n')) },
    { weight: 1, arbitrary: words(language).map((text) => `> ${text}`) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(words(language), words(language)), { minLength: 1, maxLength: 12 })
        .map((rows) => ['| A | B |', '| - | - |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n')),
    },
  );

const book = fc.constantFrom('en', 'de', 'fr').chain((language) =>
  fc.record({
    language: fc.constant(language),
    trim: fc.constantFrom('A5', 'A4', 'letter', '6x9', 'royal', '5.5in x 8.5in'),
    blocks: fc.array(block(language), { minLength: 5, maxLength: 60 }),
  }),
);

describe('random books', () => {
  it('print every word, split only where the language allows, on every trim size', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(book, async ({ language, trim, blocks }) => {
        const root = path.join(await temp(), `book-${n++}`);
        await mkdir(path.join(root, 'chapters'), { recursive: true });
        await writeFile(
          path.join(root, 'book.yaml'),
          `title: Random\nlanguage: ${language}\ncreator: Tester\nidentifier: urn:uuid:11111111-2222-4333-8444-5555555555${String(n).padStart(2, '0')}\ndate: 2024-01-01\ntrim: ${trim}\nchapters:\n  - chapters/one.md\n`,
        );
        await writeFile(path.join(root, 'chapters', 'one.md'), `# Random\n\n${blocks.join('\n\n')}\n`);
        const built = await buildBook(root, path.join(root, 'out'));
        const report = await compareWords(built.pdf, built.html, language);
        expect(report.missing).toEqual([]);
        expect(report.badSplits).toEqual([]);
      }),
      { numRuns: Number(process.env.GALLEY_PROPERTY_RUNS ?? 25), seed: Number(process.env.GALLEY_PROPERTY_SEED ?? 20261124), endOnFailure: true },
    );
  }, 600_000);
});
