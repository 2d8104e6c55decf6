import type { VFile } from 'vfile';
import type { WikiEntry } from '../infobox/infobox-type.js';
import { fail as report } from '../shared/messages.js';

/** A block of an article: a heading, a paragraph or a list. */
export type WikiBlock =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; items: string[]; line: number };

export interface WikiArticle {
  title: string;
  infobox: { entries: WikiEntry[]; line: number } | undefined;
  blocks: WikiBlock[];
}

/**
 * Parse the wiki-text export format: `= Title =`, `==Section==` (and deeper),
 * an `Infobox` line followed by `- Key: Value` lines, `- item` lists and paragraphs.
 * Problems are reported on `file`; there is no article when there was any.
 */
export function parseWikitext(file: VFile, text: string): WikiArticle | undefined {
  let failed = false;
  const lines = text.split('\n');
  const fail = (reason: string, ruleId: 'unterminated-title' | 'malformed-line' | 'duplicate-key' | 'missing-field', line: number, column = 1) => {
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

  let infobox: WikiArticle['infobox'];
  const blocks: WikiBlock[] = [];
  let paragraph: { lines: string[]; line: number } | undefined;
  let list: { items: string[]; line: number } | undefined;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph.lines.join(' '), line: paragraph.line });
    if (list) blocks.push({ kind: 'list', items: list.items, line: list.line });
    paragraph = undefined;
    list = undefined;
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
          fail(`Malformed infobox line, expected \`- Key: Value\``, 'malformed-line', i + 1);
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
      if (heading[1]!.length !== heading[3]!.length) fail(`Unbalanced heading, expected as many \`=\` after the heading as before`, 'malformed-line', lineNo);
      blocks.push({ kind: 'heading', depth: heading[1]!.length, text: heading[2]!, line: lineNo });
      continue;
    }
    if (/^={2,}/.test(line)) {
      fail('Unterminated heading, expected `==Section==`', 'unterminated-title', lineNo, line.length + 1);
      continue;
    }
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph) flush();
      list ??= { items: [], line: lineNo };
      list.items.push(item[1]!);
      continue;
    }
    if (list) flush();
    paragraph ??= { lines: [], line: lineNo };
    paragraph.lines.push(line);
  }
  flush();
  return failed ? undefined : { title, infobox, blocks };
}
