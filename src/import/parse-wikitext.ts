import type { VFile } from 'vfile';
import type { WikiEntry } from '../infobox/infobox-type.js';
import { fail as report } from '../shared/messages.js';
import { parseArticleMeta, type ArticleMeta } from './article-meta.js';
import { buildLists, listLine, type ListLine, type WikiList } from './wiki-lists.js';
import { parseTable, type WikiTable } from './wiki-table.js';

/** A block of an article; texts keep their wiki inline markup (`'''bold'''`, `[[link]]`). */
export type WikiBlock =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'quote'; paragraphs: string[]; line: number }
  | WikiList
  | WikiTable;

export interface WikiArticle {
  title: string;
  /** Header lines after the title (`Author:`, `Date:`, …). */
  meta: ArticleMeta;
  infobox: { entries: WikiEntry[]; line: number } | undefined;
  blocks: WikiBlock[];
}

type Rule = 'unterminated-title' | 'malformed-line' | 'duplicate-key' | 'missing-field' | 'bad-date';

/**
 * Parse the wiki-text export format: `= Title =`, header lines (`Author: …`), an
 * `Infobox` line followed by `- Key: Value` lines, `==Section==` (and deeper),
 * paragraphs, lists (`-`, `*`, `1.`, `#`, nested), block quotes (`> `) and tables
 * (`{| … |}`). Every line is either taken or reported on `file`; there is no
 * article when there was an error.
 */
export function parseWikitext(file: VFile, text: string): WikiArticle | undefined {
  let failed = false;
  const lines = text.split(/\r?\n/);
  const fail = (reason: string, ruleId: Rule, line: number, column = 1) => {
    failed = true;
    report(file, ruleId, reason, { line, column });
  };
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let title = '';
  const first = lines[i]?.trim() ?? '';
  const titleMatch = /^=([^=].*?)=$/.exec(first);
  if (titleMatch) title = titleMatch[1]!.trim();
  else if (/^=[^=]/.test(first))
    fail('Unterminated title, expected the line to end with ` =` as in `= Title =`', 'unterminated-title', i + 1, first.length + 1);
  else fail('Missing title, expected the first line to be `= Title =`', 'missing-field', i + 1);
  i++;
  const header = parseArticleMeta(lines, i, fail);
  i = header.next;

  let infobox: WikiArticle['infobox'];
  const blocks: WikiBlock[] = [];
  let paragraph: { lines: string[]; line: number } | undefined;
  let list: ListLine[] = [];
  let quote: { paragraphs: string[][]; line: number } | undefined;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph.lines.join(' '), line: paragraph.line });
    if (list.length > 0) blocks.push(...buildLists(list));
    if (quote) blocks.push({ kind: 'quote', paragraphs: quote.paragraphs.filter((p) => p.length > 0).map((p) => p.join(' ')), line: quote.line });
    paragraph = undefined;
    list = [];
    quote = undefined;
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '') {
      flush();
      continue;
    }
    if (/^infobox$/i.test(line) && infobox === undefined && blocks.length === 0 && !paragraph) {
      infobox = { entries: [], line: lineNo };
      const seen = new Map<string, number>();
      for (i++; i < lines.length && lines[i]!.trim() !== ''; i++) {
        const entryLine = lines[i]!;
        const m = /^\s*-\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(entryLine);
        if (!m) {
          fail('Malformed infobox line, expected `- Key: Value`', 'malformed-line', i + 1);
          continue;
        }
        const key = m[1]!;
        const normal = key.toLowerCase().replace(/[\s_-]+/g, '');
        if (seen.has(normal)) {
          fail(`Unexpected duplicate infobox key \`${key}\`, already given on line ${seen.get(normal)}`, 'duplicate-key', i + 1, entryLine.indexOf(key) + 1);
          continue;
        }
        seen.set(normal, i + 1);
        if (m[2] === '') continue;
        infobox.entries.push({ key, value: m[2]!, line: i + 1 });
      }
      i--;
      continue;
    }
    const heading = /^(={2,6})\s*(.*?)\s*(={2,6})$/.exec(line);
    if (heading) {
      flush();
      if (heading[1]!.length !== heading[3]!.length) fail('Unbalanced heading, expected as many `=` after the heading as before', 'malformed-line', lineNo);
      blocks.push({ kind: 'heading', depth: heading[1]!.length, text: heading[2]!, line: lineNo });
      continue;
    }
    if (/^={2,}/.test(line)) {
      fail('Unterminated heading, expected `==Section==`', 'unterminated-title', lineNo, line.length + 1);
      continue;
    }
    if (line.startsWith('{|')) {
      flush();
      const parsed = parseTable(lines, i);
      if (parsed === 'unterminated') {
        fail('Unterminated table, expected a `|}` line to close the table opened here', 'malformed-line', lineNo);
        break;
      }
      if ('bad' in parsed) {
        fail('Malformed table line, expected `|-`, `! header`, `| cell` or `|}`', 'malformed-line', parsed.bad);
        const close = lines.findIndex((l, n) => n > i && l.trim().startsWith('|}'));
        i = close;
        continue;
      }
      blocks.push(parsed.table);
      i = parsed.end;
      continue;
    }
    const quoted = /^>\s?(.*)$/.exec(line);
    if (quoted) {
      if (paragraph || list.length > 0) flush();
      quote ??= { paragraphs: [[]], line: lineNo };
      if (quoted[1]!.trim() === '') quote.paragraphs.push([]);
      else quote.paragraphs[quote.paragraphs.length - 1]!.push(quoted[1]!.trim());
      continue;
    }
    const item = listLine(raw, lineNo);
    if (item) {
      if (paragraph || quote) flush();
      list.push(item);
      continue;
    }
    if (list.length > 0 || quote) flush();
    paragraph ??= { lines: [], line: lineNo };
    paragraph.lines.push(line);
  }
  flush();
  return failed ? undefined : { title, meta: header.meta, infobox, blocks };
}
