import type { FieldDeclaration, InfoboxDeclaration } from './declaration.js';
import { normaliseKey, type FromWikiResult, type RejectedEntry, type WikiEntry } from './infobox-type.js';
import { parseWikiCoordinates, parseWikiDate, parseWikiNumber, splitList, splitPeople, stripWikiMarkup } from './wiki-values.js';

/** Where a wiki-text key goes: a field (inside a group, for a group that does not repeat), or one end of a date range. */
interface Target {
  path: string[];
  field: FieldDeclaration;
  end?: 'start' | 'end';
}

/** A group that repeats: its numbered keys (`combatant1`) fill its items. */
interface Repeated {
  key: string;
  field: FieldDeclaration;
  /** Alias (without number) → sub-field key, and which end of a date range. */
  aliases: Map<string, { sub: string; end?: 'start' | 'end' }>;
  /** The aliases of its first field, which opens an item. */
  openers: readonly string[];
}

const aliasesOf = (key: string, field: FieldDeclaration): readonly string[] => field.wiki ?? [normaliseKey(key)];

/** The wiki-text keys a declaration takes: plain keys, and the numbered keys of its repeated groups. */
export function wikiKeysOf(declaration: InfoboxDeclaration): { direct: Map<string, Target>; repeated: Repeated[] } {
  const direct = new Map<string, Target>();
  const repeated: Repeated[] = [];
  const add = (alias: string, target: Target) => {
    if (!direct.has(alias)) direct.set(alias, target);
  };
  for (const [key, field] of Object.entries(declaration.fields)) {
    if (field.type === 'image') continue;
    if (field.type === 'group') {
      const fields = Object.entries(field.fields ?? {});
      if (field.repeat) {
        const aliases = new Map<string, { sub: string; end?: 'start' | 'end' }>();
        for (const [sub, f] of fields) {
          for (const alias of aliasesOf(sub, f)) {
            aliases.set(alias, { sub });
            if (f.type === 'date-range') for (const end of ['start', 'end'] as const) aliases.set(`${alias}${end}`, { sub, end });
          }
        }
        repeated.push({ key, field, aliases, openers: fields[0] ? aliasesOf(fields[0][0], fields[0][1]) : [] });
      } else for (const [sub, f] of fields) for (const alias of aliasesOf(sub, f)) add(alias, { path: [key, sub], field: f });
      continue;
    }
    for (const alias of aliasesOf(key, field)) {
      add(alias, { path: [key], field });
      if (field.type === 'date-range') {
        add(`${alias}start`, { path: [key], field, end: 'start' });
        add(`${alias}end`, { path: [key], field, end: 'end' });
      }
    }
  }
  return { direct, repeated };
}

/** Wiki text as the value a field holds (unreadable text is kept, for validation to report with its line). */
function convert(field: FieldDeclaration, raw: string): unknown {
  const value = stripWikiMarkup(raw);
  switch (field.type) {
    case 'list':
      return splitList(value);
    case 'date': {
      const date = parseWikiDate(value);
      return typeof date === 'string' ? date : value;
    }
    case 'date-range':
      return parseWikiDate(value);
    case 'number':
      return parseWikiNumber(value);
    case 'coordinates':
      return parseWikiCoordinates(value);
    case 'person':
      return splitPeople(value)[0] ?? value;
    case 'people':
      return splitPeople(value);
    default:
      return value;
  }
}

const ordinal = (n: number): string => ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;

/**
 * Map the `- Key: Value` entries of an imported infobox onto a declared type:
 * each field takes the keys of its `wiki` list (default: its own key); a date range
 * also takes `<key>_start` and `<key>_end`; a repeated group takes numbered keys
 * (`Combatant1`, `Commander2`), and item N exists only when the group's first field
 * is given for N — `Casualties3` without `Combatant3` opens no third column, it is
 * rejected unless another field names that key.
 */
export function fromWiki(declaration: InfoboxDeclaration, entries: readonly WikiEntry[]): FromWikiResult {
  const { direct, repeated } = wikiKeysOf(declaration);
  const data: Record<string, unknown> = { type: declaration.name };
  const rejected: RejectedEntry[] = [];
  const lines: Record<string, number> = {};
  const numbered = (key: string) => /^(.*?[a-z])(\d+)$/.exec(key);
  // The items each repeated group has: the numbers its first field is given for.
  const items = new Map<string, number[]>();
  for (const group of repeated) {
    const opened = entries.flatMap((entry) => {
      const m = numbered(normaliseKey(entry.key));
      return m && group.openers.includes(m[1]!) ? [Number(m[2])] : [];
    });
    items.set(group.key, [...new Set(opened)].sort((a, b) => a - b).slice(0, group.field.max ?? Number.MAX_SAFE_INTEGER));
  }
  const set = (path: string[], value: unknown, line: number) => {
    let node: Record<string, unknown> = data;
    for (let i = 0; i < path.length - 1; i++) {
      node[path[i]!] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = node[path[i]!] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
    lines[path.join('.')] = line;
  };
  const setRange = (path: string[], end: 'start' | 'end', value: unknown, line: number) => {
    const existing = path.reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], data);
    const range = typeof existing === 'object' && existing !== null ? existing : {};
    set(path, { ...range, [end]: typeof value === 'object' && value !== null ? (value as { start: string }).start : value }, line);
  };
  for (const entry of entries) {
    const key = normaliseKey(entry.key);
    const m = numbered(key);
    const group = m ? repeated.find((g) => g.aliases.has(m[1]!)) : undefined;
    const index = m && group ? items.get(group.key)!.indexOf(Number(m[2])) : -1;
    if (m && group && index !== -1) {
      const { sub, end } = group.aliases.get(m[1]!)!;
      const value = convert(group.field.fields![sub]!, entry.value);
      if (end) setRange([group.key, String(index), sub], end, value, entry.line);
      else set([group.key, String(index), sub], value, entry.line);
      continue;
    }
    const target = direct.get(key);
    if (target) {
      const value = convert(target.field, entry.value);
      if (target.end) setRange(target.path, target.end, value, entry.line);
      else set(target.path, value, entry.line);
      continue;
    }
    if (m && group) {
      const n = Number(m[2]);
      const opener = group.openers[0] ?? '';
      rejected.push({
        entry,
        reason: `Unexpected \`${entry.key}\` for a ${ordinal(n)} item of \`${group.key}\` that has no \`${opener}${n}\`; it was dropped (no column is made for it)`,
      });
      continue;
    }
    rejected.push({ entry, reason: `Unknown ${declaration.name} infobox key \`${entry.key}\`; it was dropped` });
  }
  return { data, rejected, lines };
}
