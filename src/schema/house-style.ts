import * as v from 'valibot';
import { lengthInMm } from '../shared/trim-sizes.js';
import { textFamilies } from '../shared/text-families.js';
import { checkWith } from './check-with.js';
import { fileInManuscript } from './fields.js';

const lengthBetween = (min: number, max: number, example: string) =>
  v.pipe(
    v.union([v.string(), v.literal(0)], (issue) => `Expected a length with its unit such as \`${example}\`, not \`${String(issue.input)}\``),
    v.transform((value): string => String(value).trim()),
    checkWith(
      (s: string) => {
        const mm = lengthInMm(s);
        return mm !== undefined && mm >= min && mm <= max;
      },
      'bad-value',
      (s) => `Expected a length between ${min} and ${max} mm with its unit (\`mm\`, \`cm\`, \`in\`, \`pt\`) such as \`${example}\`, not \`${s}\``,
    ),
    // One spelling for the style sheets: `25 mm` and `2.5cm` both become `25mm`.
    v.transform((s: string): string => `${lengthInMm(s)}mm`),
  );

const margin = lengthBetween(5, 60, '18mm');

/** What a running head shows: the book's title, the chapter's (then its sections') title, the authors, or nothing. */
export const headContents = ['title', 'section', 'creator', 'none'] as const;

const PageSettings = v.strictObject({
  /** The margins around the text: `inner` at the binding, `outer` at the fore-edge (mirrored on facing pages). */
  margins: v.optional(v.strictObject({ top: v.optional(margin), bottom: v.optional(margin), inner: v.optional(margin), outer: v.optional(margin) })),
  /** What the running heads show: `verso` on left-hand pages, `recto` on right-hand pages. */
  heads: v.optional(v.strictObject({ verso: v.optional(v.picklist(headContents)), recto: v.optional(v.picklist(headContents)) })),
  /** Bleed added around every page for the printer (`3mm`, `0.125in`); TrimBox and BleedBox are set in the PDF. */
  bleed: v.optional(lengthBetween(0, 13, '3mm')),
  /** Printer's marks in the bleed: `crop` (trim marks at the corners) and `cross` (registration marks). */
  marks: v.optional(v.pipe(v.array(v.picklist(['crop', 'cross'])), v.minLength(1, 'Expected `crop`, `cross` or both'))),
});

/** Page settings of the print edition, after the trim size's own; marks need a bleed to be drawn in. */
export const PageStyle = v.pipe(
  PageSettings,
  checkWith(
    (page: v.InferOutput<typeof PageSettings>) => !(page.marks && page.bleed !== undefined && lengthInMm(page.bleed) === 0),
    'bad-value',
    () =>
      'Unexpected `bleed: 0` with `marks`: a page cut at its marks needs a bleed for what reaches its edge; give one (such as `3mm`) or leave it out for 3 mm',
  ),
);

const sizeMessage = (issue: { input: unknown }) => `Expected a type size between 8 and 14 (points), not ${String(issue.input)}`;
const leadingMessage = (issue: { input: unknown }) => `Expected a line height between 1.1 and 2 (times the type size), not ${String(issue.input)}`;

/** Type settings: families from the shipped fonts, size and leading of the print edition's text. */
export const FontStyle = v.strictObject({
  /** The family of the text (a shipped font: see the README). */
  body: v.optional(v.picklist(textFamilies)),
  /** The family of headings, tables and the infobox. */
  headings: v.optional(v.picklist(textFamilies)),
  /** The size of the print edition's text in points (8–14). */
  size: v.optional(v.pipe(v.number(), v.minValue(8, sizeMessage), v.maxValue(14, sizeMessage))),
  /** Line height as a multiple of the type size (1.1–2). */
  leading: v.optional(v.pipe(v.number(), v.minValue(1.1, leadingMessage), v.maxValue(2, leadingMessage))),
});

const between = (min: number, max: number, what: string) => {
  const message = (issue: { input: unknown }) => `Expected ${what} between ${min} and ${max}, not ${String(issue.input)}`;
  return v.pipe(v.number(), v.minValue(min, message), v.maxValue(max, message));
};

/** The images each edition gets (raster images only: SVG is drawn at any size). */
export const ImageSettings = v.strictObject({
  /** The PDF's resolution: at most this many pixels per inch at the largest size an image can print, the text area (200–1200; 300). */
  ppi: v.optional(v.pipe(between(200, 1200, 'a print resolution (pixels per inch)'), v.integer('Expected a whole number of pixels per inch')), 300),
  /** The e-book's and the HTML edition's images: at most this many million pixels (0.5–24; 4, what e-book stores ask for). */
  megapixels: v.optional(between(0.5, 24, 'a number of million pixels'), 4),
  /** The quality of the JPEGs Galley writes when it makes an image smaller or converts it (50–100; 85). */
  quality: v.optional(v.pipe(between(50, 100, 'a JPEG quality'), v.integer('Expected a whole number for the JPEG quality')), 85),
});

const cssPath = fileInManuscript('.css', 'a CSS file');

/** The author's style sheets, after Galley's (and the theme's) in every edition. */
export const StylePaths = v.pipe(v.array(cssPath), v.minLength(1, 'Unexpected empty list, expected at least one style sheet'));

/** Galley's shipped themes: `galley` (sans headings), `classic` (EB Garamond, centred small-capital headings). */
export const themes = ['galley', 'classic'] as const;
