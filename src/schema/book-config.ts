import * as v from 'valibot';
import { fileInManuscript, isoDate, text, textList } from './fields.js';
import { namedTrimSizes, type TrimName, trimSize } from '../shared/trim-sizes.js';
import { checkWith } from './check-with.js';
import { FontStyle, ImageSettings, PageStyle, StylePaths, themes } from './house-style.js';
import { geometryWith, textArea } from '../shared/page-geometry.js';

/** The trim sizes known by name; any other is written as its width and height (`5.5in x 8.5in`). */
export const trimSizes = Object.keys(namedTrimSizes) as TrimName[];

const trim = v.pipe(
  v.string(),
  checkWith(
    (s: string) => trimSize(s) !== undefined,
    'bad-value',
    (s) =>
      `Expected a trim size: one of ${trimSizes.map((t) => `\`${t}\``).join(', ')}, or a width and height between 3 and 17 inches such as \`5.5in x 8.5in\` or \`156mm x 234mm\`, not \`${s}\``,
  ),
);

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

const chapterPath = fileInManuscript('.md', 'a Markdown file');

/** A part of the book: its title and its chapters. */
const partEntry = v.strictObject({
  /** The part's title (“The revolt”); its page reads “Part I” above it. */
  part: text,
  chapters: v.pipe(v.array(chapterPath), v.minLength(1, 'Expected at least one chapter in the part')),
});

const chapterList = (what: string) => v.pipe(v.array(chapterPath), v.minLength(1, `Unexpected empty list, expected at least one ${what}`));

/** The fields of `book.yaml`. */
const BookFields = v.strictObject({
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
  /** Trim size of the print edition: a name (`A5`, `6x9`, `royal`, …) or a width and height (`5.5in x 8.5in`, `156mm x 234mm`). */
  trim: v.optional(trim, 'A5'),
  /** Typographic quotes, apostrophes, dashes (`--`, `---`) and ellipses in the language's style; `false` keeps the text as typed. */
  typography: v.optional(v.boolean(), true),
  /** How figures and tables with ids are numbered: `chapters: true` numbers them per chapter (“Figure 2.3”), else through the book. */
  crossref: v.optional(v.strictObject({ chapters: v.optional(v.boolean(), false) }), { chapters: false }),
  /** Galley's look: `galley` (the default) or `classic`. */
  theme: v.optional(v.picklist(themes), 'galley'),
  /** The print edition's page: margins, running heads, bleed and printer's marks. */
  page: v.optional(PageStyle),
  /** Type: the families of text and headings, the print edition's size and leading. */
  font: v.optional(FontStyle),
  /** The images of each edition: print resolution, e-book size, JPEG quality. */
  images: v.optional(ImageSettings, { ppi: 300, megapixels: 4, quality: 85 }),
  /** The author's CSS files, relative to `book.yaml`, added after Galley's styles in every edition. */
  styles: v.optional(StylePaths),
  /** Front matter (a dedication, a preface, …): Markdown files before the first chapter, in reading order. */
  front: v.optional(chapterList('front-matter file')),
  /** The chapters, Markdown files relative to `book.yaml`, in reading order; `- part: Title` with its `chapters` groups them in parts. */
  chapters: v.pipe(
    v.array(v.union([chapterPath, partEntry], 'Expected the path of a Markdown file, or a `part` with its `chapters`')),
    v.minLength(1, 'Expected at least one chapter'),
  ),
  /** Appendices, lettered A, B, …, after the chapters. */
  appendices: v.optional(chapterList('appendix')),
  /** Back matter (acknowledgements, a glossary, a colophon, …), after the appendices. */
  back: v.optional(chapterList('back-matter file')),
});

/** The smallest text area a page may keep inside its margins, in millimetres. */
const MIN_TEXT = { width: 50, height: 70 };

/** The publication metadata in `book.yaml`. */
export const BookConfig = v.pipe(
  BookFields,
  v.forward(
    checkWith(
      (config: v.InferOutput<typeof BookFields>) => {
        if (trimSize(config.trim) === undefined) return true; // reported as such
        const area = textArea(geometryWith(config.trim, config.page?.margins));
        return area.width >= MIN_TEXT.width && area.height >= MIN_TEXT.height;
      },
      'bad-value',
      (config) => {
        const area = textArea(geometryWith(config.trim, config.page?.margins));
        const mm = (n: number) => Math.round(n * 10) / 10;
        return `Unexpected margins that leave a text area of ${mm(area.width)} × ${mm(area.height)} mm on a ${config.trim} page; keep at least ${MIN_TEXT.width} × ${MIN_TEXT.height} mm`;
      },
    ),
    ['page', 'margins'] as never,
  ),
);

export type BookConfig = v.InferOutput<typeof BookConfig>;
