import * as v from 'valibot';
import { isoDate, text, textList } from './fields.js';
import { checkWith } from './check-with.js';

export const trimSizes = ['A5', 'A4', 'letter', '6x9'] as const;

const language = v.pipe(
  v.string(),
  checkWith(
    (s: string) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(s),
    'bad-value',
    (s) => `Expected a BCP 47 language tag such as \`en\` or \`en-GB\`, not \`${s}\``,
  ),
);

const identifier = v.pipe(
  v.string(),
  checkWith(
    (s: string) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) || /^urn:isbn:[0-9-]{10,17}X?$/i.test(s),
    'bad-value',
    (s) => `Expected a stable identifier such as \`urn:uuid:…\` or \`urn:isbn:…\`, not \`${s}\``,
  ),
);

const chapterPath = v.pipe(
  v.string(),
  checkWith(
    (s: string) => s.endsWith('.md') && !s.startsWith('/') && !s.split(/[\\/]/).includes('..'),
    'bad-value',
    (s) => `Expected the path of a Markdown file inside the manuscript folder, not \`${s}\``,
  ),
);

/** The publication metadata in `book.yaml`. */
export const BookConfig = v.strictObject({
  /** The title of the book. */
  title: text,
  /** A subtitle, shown on the title page. */
  subtitle: v.optional(text),
  /** The language of the text, a BCP 47 tag (`en`, `ar`, `de-CH`). */
  language,
  /** Authors or editors, in order. */
  creator: textList,
  publisher: v.optional(text),
  /** A stable identifier: `urn:uuid:…` or `urn:isbn:…`. Never change it between editions of the same book. */
  identifier,
  /** The publication date (YYYY-MM-DD); also the fallback for reproducible timestamps. */
  date: v.optional(isoDate),
  rights: v.optional(text),
  description: v.optional(text),
  subjects: v.optional(textList),
  /** Trim size of the print edition. */
  trim: v.optional(v.picklist(trimSizes, `Expected a trim size: ${trimSizes.map((t) => `\`${t}\``).join(', ')}`), 'A5'),
  /** Typographic quotes, apostrophes, dashes (`--`, `---`) and ellipses in the language's style; `false` keeps the text as typed. */
  typography: v.optional(v.boolean(), true),
  /** The chapters, Markdown files relative to `book.yaml`, in reading order. */
  chapters: v.pipe(v.array(chapterPath), v.minLength(1, 'Expected at least one chapter')),
});

export type BookConfig = v.InferOutput<typeof BookConfig>;
