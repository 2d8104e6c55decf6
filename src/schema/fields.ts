import * as v from 'valibot';
import { compareIsoDates, isIsoDate } from '../shared/dates.js';
import { checkWith } from './check-with.js';
import { composeLetters } from '../shared/compose-letters.js';

/** Non-empty text, trimmed, each run of white space or control characters (a line end, a form feed) one space, letters written apart composed. */
export const text = v.pipe(
  v.string(),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  v.transform((s: string): string => composeLetters(s.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' '))),
  v.trim(),
  checkWith(
    (s: string) => s.length > 0,
    'bad-value',
    () => 'Unexpected empty text, expected a value or no field at all',
  ),
);

/** One text or a list of texts; always a list after validation. */
export const textList = v.pipe(
  v.union([text, v.pipe(v.array(text), v.minLength(1, 'Unexpected empty list, expected at least one item'))]),
  v.transform((value): string[] => (typeof value === 'string' ? [value] : value)),
);

/** An ISO 8601 calendar date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); YAML numbers are read as years. */
export const isoDate = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer())], 'Expected a date written as YYYY-MM-DD'),
  v.transform((value): string => String(value).trim()),
  checkWith(isIsoDate, 'bad-date', (value: string) => `Expected a date written as YYYY-MM-DD (or YYYY-MM, YYYY), not \`${value}\``),
);

/** A date range with `start` and, unless it is still open (an office held today), `end`. */
export const dateRange = v.pipe(
  v.strictObject({ start: isoDate, end: v.optional(isoDate) }),
  checkWith(
    (range: { start: string; end?: string | undefined }) => range.end === undefined || compareIsoDates(range.start, range.end) <= 0,
    'bad-date',
    (range) => `Unexpected date range that ends (${range.end}) before it starts (${range.start})`,
  ),
);

/** A number (YAML number, not text). */
export const number = v.pipe(
  v.number(),
  v.finite('Expected a finite number'),
  checkWith(
    (n: number) => Math.abs(n) <= Number.MAX_SAFE_INTEGER,
    'bad-value',
    (n) => `Expected a number of at most 15 digits, which every edition shows exactly, not ${n}`,
  ),
);

/** A web address or an e-mail link. */
export const url = v.pipe(
  text,
  checkWith(
    (s: string) => /^(https?:\/\/[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$/i.test(s),
    'bad-value',
    (s) => `Expected an address starting with \`https://\`, \`http://\` or \`mailto:\`, not \`${s}\``,
  ),
);

/** A point on Earth in decimal degrees. */
export const coordinates = v.strictObject({
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});

/** A person: a name, or `{name, role}`; always a mapping after validation. */
export const person = v.pipe(
  v.union([text, v.strictObject({ name: text, role: v.optional(text) })], 'Expected a name, or a mapping with `name` and `role`'),
  v.transform((value): { name: string; role?: string | undefined } => (typeof value === 'string' ? { name: value } : value)),
);

/** An image file (relative to the chapter) with its description and an optional caption. */
export const image = v.strictObject({ src: text, alt: text, caption: v.optional(text) });

/** A single date or a `{start, end}` range. */
export const dateOrRange = v.union([isoDate, dateRange], 'Expected a date (YYYY-MM-DD) or a range with `start` and `end`');

/** The path of a file inside the manuscript folder, relative, with this extension. */
export const fileInManuscript = (extension: string, what: string) =>
  v.pipe(
    v.string(),
    checkWith(
      (s: string) => s.endsWith(extension) && !s.startsWith('/') && !s.split(/[\\/]/).includes('..'),
      'bad-value',
      (s) => `Expected the path of ${what} inside the manuscript folder, not \`${s}\``,
    ),
  );
