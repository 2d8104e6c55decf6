import { isIsoDate } from '../shared/dates.js';

/** What the header lines of an article say about it. */
export interface ArticleMeta {
  authors?: string[];
  date?: string;
  subjects?: string[];
  language?: string;
  publisher?: string;
  rights?: string;
}

const keys: Record<string, keyof ArticleMeta> = {
  author: 'authors',
  authors: 'authors',
  date: 'date',
  subject: 'subjects',
  subjects: 'subjects',
  language: 'language',
  publisher: 'publisher',
  rights: 'rights',
};

/**
 * The header lines right after the title (blank lines may come between):
 * `Author: A; B`, `Date: YYYY-MM-DD`, `Subjects: a; b`, `Language: en`,
 * `Publisher: …`, `Rights: …`. They end at the first other line.
 */
export function parseArticleMeta(
  lines: readonly string[],
  from: number,
  fail: (reason: string, rule: 'bad-date' | 'duplicate-key', line: number, column?: number) => void,
): { meta: ArticleMeta; next: number } {
  const meta: ArticleMeta = {};
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let next = from;
  for (; i < lines.length; i++) {
    const m = /^([A-Za-z]+):\s+(\S.*)$/.exec(lines[i]!.trim());
    const key = m ? keys[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) break;
    const value = m[2]!.trim();
    if (meta[key] !== undefined) fail(`Unexpected duplicate header line \`${m[1]}\``, 'duplicate-key', i + 1);
    if (key === 'authors' || key === 'subjects')
      meta[key] = value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (key === 'date' && !isIsoDate(value))
      fail(`Expected the article's date written as YYYY-MM-DD, not \`${value}\``, 'bad-date', i + 1, lines[i]!.indexOf(value) + 1);
    else meta[key] = value;
    next = i + 1;
  }
  return { meta, next };
}
