/** A calendar date as written in ISO 8601: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface IsoDate {
  year: number;
  month?: number;
  day?: number;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parse an ISO date, or `undefined` when it is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  const days = utcDay(year, month + 1, 0).getUTCDate();
  if (day < 1 || day > days) return undefined;
  return { year, month, day };
}

export const isIsoDate = (text: string): boolean => parseIsoDate(text) !== undefined;

/**
 * Midnight UTC of a calendar day (`month` from 1; day 0 is the last of the month
 * before). Unlike `Date.UTC`, which reads the years 0 to 99 as 1900 to 1999.
 */
export function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Compare two ISO dates by their earliest instant. */
export function compareIsoDates(a: string, b: string): number {
  return a.padEnd(10, '-00').localeCompare(b.padEnd(10, '-00'));
}

/** Formatters by language and parts: making one costs more than formatting many dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, parts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}\0${JSON.stringify(parts)}`;
  let made = formatters.get(key);
  if (!made) {
    // English books use the day-month-year order ("3 July 1963") of encyclopedic prose.
    const locale = /^en\b/i.test(language) ? 'en-GB' : language;
    made = new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' });
    formatters.set(key, made);
  }
  return made;
}

/** "3 July 1963", "July 1963" or "1963" in the book's language. */
export function formatIsoDate(text: string, language: string): string {
  const date = parseIsoDate(text);
  if (!date) return text;
  const when = utcDay(date.year, date.month ?? 1, date.day ?? 1);
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return formatter(language, { month: 'long', year: 'numeric' }).format(when);
  return formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(when);
}

/** A formatted range in three parts: "30 June", " – ", "3 July 1963". */
export interface RangeParts {
  start: string;
  separator: string;
  end: string;
}

/**
 * A range such as "30 June – 3 July 1963" or "3–5 July 1963", split so that each
 * end can carry its own machine-readable date. Equal dates give an empty `end`.
 */
export function formatIsoDateRange(start: string, end: string, language: string): RangeParts {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  if (a?.day !== undefined && b?.day !== undefined) {
    const fmt = formatter(language, { day: 'numeric', month: 'long', year: 'numeric' });
    const parts = fmt.formatRangeToParts(utcDay(a.year, a.month!, a.day), utcDay(b.year, b.month!, b.day));
    const firstEnd = parts.findIndex((p) => p.source === 'endRange');
    if (firstEnd === -1) return { start: parts.map((p) => p.value).join(''), separator: '', end: '' };
    let lastStart = -1;
    parts.forEach((p, i) => {
      if (p.source === 'startRange') lastStart = i;
    });
    const join = (from: number, to: number) =>
      parts
        .slice(from, to)
        .map((p) => p.value)
        .join('');
    return { start: join(0, lastStart + 1), separator: join(lastStart + 1, firstEnd), end: join(firstEnd, parts.length) };
  }
  return { start: formatIsoDate(start, language), separator: ' – ', end: formatIsoDate(end, language) };
}
