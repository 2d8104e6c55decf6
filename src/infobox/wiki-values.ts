/** Parsing of the free-text values of wiki-text infoboxes into typed data. */

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(word: string): number | undefined {
  const index = months.findIndex((m) => m.startsWith(word.toLowerCase()) && word.length >= 3);
  return index === -1 ? undefined : index + 1;
}

/** "3 July 1963", "July 3, 1963", "July 1963" or "1963" as ISO; anything else unchanged. */
function parseOne(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? `${m[3]}-${pad(month)}-${pad(Number(m[1]))}` : undefined;
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? `${m[3]}-${pad(month)}-${pad(Number(m[2]))}` : undefined;
  }
  m = /^([A-Za-z]+)\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t)) return t;
  return undefined;
}

/**
 * A wiki date as ISO data: a date, or `{start, end}` for ranges such as
 * "3–5 July 1963" or "1963–1964". Unparseable text is returned as written, so
 * validation reports it with its place.
 */
export function parseWikiDate(text: string): string | { start: string; end: string } {
  const single = parseOne(text);
  if (single) return single;
  const parts = text.split(/\s*[–—-]\s*/);
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    const end = parseOne(b);
    // "3–5 July 1963": the start borrows the month and year of the end.
    const start =
      parseOne(a) ??
      (end && /^\d{1,2}$/.test(a.trim()) ? parseOne(`${a} ${b.replace(/^\d{1,2}\s+/, '')}`) : undefined) ??
      (end ? parseOne(`${a} ${end.slice(0, 4)}`) : undefined);
    if (start && end) return { start, end };
  }
  return text;
}

/** Split "a, b (x, y), c" at top-level commas followed by a space. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0 && /\s/.test(text[i + 1] ?? '')) {
      items.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current.trim());
  return items.filter((item) => item.length > 0);
}

const roleWords =
  /^(prime|secretary|leader|president|vice|minister|general|lieutenant|commander|chief|head|king|queen|colonel|major|captain|corporal|sergeant|admiral|emir|sultan|chairman|governor|director|deputy|founder|marshal|brigadier)\b/i;

/** Whether a list item reads as a role ("Prime Minister of Iraq") rather than a name. */
export function isRole(item: string): boolean {
  return roleWords.test(item) || /\s(of|for)\s/i.test(item);
}

/** "Name, Role, Name, Role" → `[{name, role}]`; a name not followed by a role stands alone. */
export function splitPeople(text: string): Array<{ name: string; role?: string }> {
  const people: Array<{ name: string; role?: string }> = [];
  for (const item of splitList(text)) {
    const last = people[people.length - 1];
    if (last && last.role === undefined && isRole(item)) last.role = item;
    else people.push({ name: item });
  }
  return people;
}
