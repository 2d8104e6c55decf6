import * as v from 'valibot';
import { compareIsoDates, isIsoDate } from '../shared/dates.js';
import { checkWith } from './check-with.js';

/** Non-empty text, trimmed. */
export const text = v.pipe(
  v.string(),
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

/** A date range with `start` and `end`. */
export const dateRange = v.pipe(
  v.strictObject({ start: isoDate, end: isoDate }),
  checkWith(
    (range: { start: string; end: string }) => compareIsoDates(range.start, range.end) <= 0,
    'bad-date',
    (range) => `Unexpected date range that ends (${range.end}) before it starts (${range.start})`,
  ),
);

/** A single date or a `{start, end}` range. */
export const dateOrRange = v.union([isoDate, dateRange], 'Expected a date (YYYY-MM-DD) or a range with `start` and `end`');
