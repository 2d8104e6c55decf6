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

/** Offices, titles and ranks: a list item made only of these is a role ("Prime Minister"). */
const officeWords = new Set(
  `prime minister president vice leader secretary general chief head king queen emir sultan chairman chairwoman chair governor director deputy
  founder marshal brigadier colonel major captain lieutenant corporal sergeant admiral commodore commander commanders officer member premier
  chancellor mayor ambassador envoy commissioner prefect vizier regent caliph shah spokesman speaker adjutant aide representative field staff
  in-chief commander-in-chief supreme acting first second senior assistant executive military political regional national führer fuehrer duce
  caudillo tsar czar kaiser emperor empress pharaoh khan pasha bey sheikh imam ayatollah pope patriarch archbishop bishop grand vizier`
    .split(/\s+/)
    .filter(Boolean),
);

/** Offices as nouns: written in lowercase inside an item, they make it a role ("Battalion commander"). */
const officeNouns =
  /\b(commander|commanders|minister|president|leader|secretary|chief|head|governor|director|chairman|member|officer|deputy|founder|ambassador|mayor|envoy|commissioner|spokesman|adjutant|aide|representative)\b/;

/** Words that join the parts of an office ("of", "in the") and never stand inside a name. */
const joiningWords = /\s(of|in|for|to|the|at|and|on)\s/i;

/**
 * Whether a list item reads as a role rather than a name — the documented rule:
 * it joins words with "of", "in", "for", "to", "the", "at", "and" or "on"
 * ("Leader of Baghdad Communist Cell", "Head of state security"); or it holds an
 * office noun in lowercase ("Battalion commander"); or it is made only of office,
 * title and rank words ("Prime Minister", "Commander-in-Chief"). A rank before a
 * name stays part of the name ("General Bakr Sidqi"), and a unit is a name
 * ("3rd Infantry Division").
 */
export function isRole(item: string): boolean {
  const t = item.trim();
  if (joiningWords.test(` ${t} `)) return true;
  if (officeNouns.test(t) || /-in-/i.test(t)) return true;
  const words = t.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((word) => officeWords.has(word) || word.split('-').every((part) => officeWords.has(part) || part === 'in'));
}

/** Markers that belong with a name: taken prisoner, wounded, killed. */
const markers = /^(POW|WIA|KIA|MIA|DOW|†|executed|captured|wounded|killed|died|surrendered)$/i;

export interface PersonValue {
  name: string;
  role?: string;
}

/** Whether text begins with an office, title or rank word ("Commander, Eighth Army"). */
const startsWithOffice = (text: string): boolean =>
  officeWords.has(
    text
      .trim()
      .split(/[\s,]+/)[0]!
      .toLowerCase(),
  );

/** "Name (Role)" or "Name – Role" as a person with a role; anything else as a name. */
function personOf(item: string): PersonValue {
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(item);
  const inside = paren?.[2]?.trim();
  if (paren && inside && !markers.test(inside) && (isRole(inside) || startsWithOffice(inside))) return { name: paren[1]!, role: inside };
  // An en or em dash between a name and what follows it: "Name – Role".
  const dash = /^(.+?)\s+[–—]\s+(.+)$/.exec(item) ?? /^(.+?)\s+-\s+(.+)$/.exec(item);
  if (dash && !isRole(dash[1]!) && (/[–—]/.test(item) || isRole(dash[2]!))) return { name: dash[1]!, role: dash[2]! };
  return { name: item };
}

/** Whether an item begins with the same two words as a name: parallel titled names ("Marshal of the Soviet Union Ivan Konev"). */
const parallelTo = (item: string, name: string): boolean => {
  const words = (text: string) => text.trim().split(/\s+/).slice(0, 2).join(' ').toLowerCase();
  return item.trim().split(/\s+/).length > 2 && words(item) === words(name);
};

/**
 * "Name, Role, Name, Role" → `[{name, role}]`: a role (see `isRole`) belongs to the
 * person before it (a second role is added to the first, "Prime Minister, Minister
 * of Defence"); a name not followed by a role stands alone. "Name (Role)" and
 * "Name – Role" carry their role (a marker in brackets, `(POW)`, stays with the
 * name); an item that begins with the same two words as the name before it is a
 * name too ("Marshal of the Soviet Union Ivan Konev" after "… Georgy Zhukov").
 */
export function splitPeople(text: string): PersonValue[] {
  const people: PersonValue[] = [];
  for (const item of splitList(text)) {
    const last = people[people.length - 1];
    if (last && isRole(item) && !/\(|–|—/.test(item) && !parallelTo(item, last.name)) {
      last.role = last.role === undefined ? item : `${last.role}, ${item}`;
      continue;
    }
    people.push(personOf(item));
  }
  return people;
}

/** "34,000", "1.5", "2 500" as a number; anything else unchanged (validation reports it). */
export function parseWikiNumber(text: string): number | string {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return text;
}

/** "33.34°N 44.40°E", "33°20′N 44°24′E" or "33.34, 44.4" as decimal degrees; anything else unchanged. */
export function parseWikiCoordinates(text: string): { latitude: number; longitude: number } | string {
  const plain = /^(-?\d+(?:\.\d+)?)\s*[,;]\s*(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  if (plain) return { latitude: Number(plain[1]), longitude: Number(plain[2]) };
  const part = String.raw`(\d+(?:\.\d+)?)°\s*(?:(\d+(?:\.\d+)?)[′']\s*)?(?:(\d+(?:\.\d+)?)[″"]\s*)?([NSEW])`;
  const m = new RegExp(`^${part}[\\s,]+${part}$`).exec(text.trim());
  if (!m) return text;
  const degrees = (d: string, min = '0', sec = '0', hemisphere = 'N') =>
    Math.round((Number(d) + Number(min) / 60 + Number(sec) / 3600) * (hemisphere === 'S' || hemisphere === 'W' ? -1 : 1) * 1e6) / 1e6;
  const a = degrees(m[1]!, m[2], m[3], m[4]);
  const b = degrees(m[5]!, m[6], m[7], m[8]);
  return /[NS]/.test(m[4]!) ? { latitude: a, longitude: b } : { latitude: b, longitude: a };
}

/** Wiki inline markup as plain text: `[[A|b]]` → "b", `[[A]]` → "A", `[url label]` → "label", no bold or italic quotes. */
export function stripWikiMarkup(text: string): string {
  return text
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
    .replace(/\[\[([^\]]+)\]\]/g, '$1')
    .replace(/\[(https?:\/\/[^\s\]]+)\s+([^\]]+)\]/g, '$2')
    .replace(/'''(.+?)'''/g, '$1')
    .replace(/''(.+?)''/g, '$1');
}
