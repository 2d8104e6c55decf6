import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import * as v from 'valibot';
import { dateOrRange, text, textList } from '../../schema/fields.js';
import { dateContent, frame, listContent, row } from '../render-helpers.js';
import { defineInfoboxType, normaliseKey, type WikiEntry } from '../infobox-type.js';
import { parseWikiDate, splitList, splitPeople } from '../wiki-values.js';

const commander = v.pipe(
  v.union([text, v.strictObject({ name: text, role: v.optional(text) })], 'Expected a name, or a mapping with `name` and `role`'),
  v.transform((value) => (typeof value === 'string' ? { name: value } : value)),
);

const side = v.strictObject({
  /** The parties on this side. */
  combatants: v.optional(textList),
  /** Commanders and leaders, each a name or `{name, role}`. */
  commanders: v.optional(v.array(commander)),
  strength: v.optional(text),
  casualties: v.optional(text),
});

const coordinates = v.strictObject({
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
});

export const MilitaryConflict = v.strictObject({
  type: v.literal('military-conflict'),
  /** The name of the conflict (the infobox caption). */
  conflict: text,
  /** The larger conflict this one is part of. */
  part_of: v.optional(text),
  /** ISO date or `{start, end}`. */
  date: dateOrRange,
  place: text,
  coordinates: v.optional(coordinates),
  territory: v.optional(text),
  result: v.optional(text),
  /** Up to three sides, in the order of the original infobox; any field may be absent. */
  sides: v.optional(v.pipe(v.array(side), v.maxLength(3, 'Expected at most three sides'))),
  notes: v.optional(text),
});

export type MilitaryConflict = v.InferOutput<typeof MilitaryConflict>;
type Side = NonNullable<MilitaryConflict['sides']>[number];

const labels = {
  part_of: 'Part of',
  date: 'Date',
  place: 'Location',
  coordinates: 'Coordinates',
  territory: 'Territorial changes',
  result: 'Result',
  combatants: 'Belligerents',
  commanders: 'Commanders and leaders',
  strength: 'Strength',
  casualties: 'Casualties and losses',
  notes: 'Notes',
} as const;

function formatCoordinates(c: { latitude: number; longitude: number }): string {
  const lat = `${Math.abs(c.latitude)}°${c.latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(c.longitude)}°${c.longitude >= 0 ? 'E' : 'W'}`;
  return `${lat} ${lon}`;
}

function sideCells(sides: readonly Side[], pick: (side: Side) => ElementContent[] | undefined): Element[] | undefined {
  const cells = sides.map(pick);
  if (cells.every((cell) => cell === undefined)) return undefined;
  return cells.map((cell) => h('td', cell ?? []));
}

function commanderItem(c: { name: string; role?: string | undefined }): Element {
  return h('li', [h('span', { className: ['name'] }, c.name), ...(c.role ? [' ', h('span', { className: ['role'] }, c.role)] : [])]);
}

export const militaryConflict = defineInfoboxType({
  name: 'military-conflict',
  schema: MilitaryConflict,
  labels,
  wikiKeys: ['conflict', 'partof', 'date', 'place', 'coordinates', 'territory', 'result', 'notes'].concat(
    [1, 2, 3].flatMap((n) => [`combatant${n}`, `commander${n}`, `strength${n}`, `casualties${n}`]),
  ),
  render(data, ctx) {
    const sides = data.sides ?? [];
    const span = Math.max(1, sides.length);
    const facts: Element[] = [];
    facts.push(row(labels.date, dateContent(data.date, ctx.language), span));
    facts.push(row(labels.place, [{ type: 'text', value: data.place }], span));
    if (data.coordinates) facts.push(row(labels.coordinates, [{ type: 'text', value: formatCoordinates(data.coordinates) }], span));
    if (data.result) facts.push(row(labels.result, [{ type: 'text', value: data.result }], span));
    if (data.territory) facts.push(row(labels.territory, [{ type: 'text', value: data.territory }], span));

    const sideRows: Element[] = [];
    const add = (label: string, pick: (side: Side) => ElementContent[] | undefined) => {
      const cells = sideCells(sides, pick);
      if (cells) sideRows.push(h('tr', [h('th', { scope: 'row' }, label), ...cells]));
    };
    add(labels.combatants, (s) => (s.combatants ? listContent(s.combatants) : undefined));
    add(labels.commanders, (s) => (s.commanders ? [h('ul', { className: ['commanders'] }, s.commanders.map(commanderItem))] : undefined));
    add(labels.strength, (s) => (s.strength ? [{ type: 'text', value: s.strength }] : undefined));
    add(labels.casualties, (s) => (s.casualties ? [{ type: 'text', value: s.casualties }] : undefined));

    const bodies = [h('tbody', facts)];
    if (sideRows.length > 0) bodies.push(h('tbody', { className: ['infobox-sides'] }, sideRows));
    if (data.notes) bodies.push(h('tbody', [row(labels.notes, [{ type: 'text', value: data.notes }], span)]));

    const caption: ElementContent[] = [h('span', { className: ['infobox-title'] }, data.conflict)];
    if (data.part_of) caption.push(h('span', { className: ['infobox-subtitle'] }, `${labels.part_of} ${data.part_of}`));
    return frame({ id: ctx.id, type: 'military-conflict', caption, bodies });
  },
  fromWiki(entries: readonly WikiEntry[]) {
    const data: Record<string, unknown> = { type: 'military-conflict' };
    const sides: Array<Record<string, unknown>> = [];
    const unknown: WikiEntry[] = [];
    const lines: Record<string, number> = {};
    const sideOf = (n: number) => (sides[n - 1] ??= {});
    for (const entry of entries) {
      const key = normaliseKey(entry.key);
      const numbered = /^(combatant|commander|strength|casualties)([1-3])$/.exec(key);
      if (numbered) {
        const side = sideOf(Number(numbered[2]));
        const field = { combatant: 'combatants', commander: 'commanders', strength: 'strength', casualties: 'casualties' }[numbered[1] as 'combatant'];
        side[field] = field === 'combatants' ? splitList(entry.value) : field === 'commanders' ? splitPeople(entry.value) : entry.value;
        lines[`sides.${Number(numbered[2]) - 1}.${field}`] = entry.line;
        continue;
      }
      switch (key) {
        case 'conflict':
        case 'place':
        case 'territory':
        case 'result':
        case 'notes':
          data[key] = entry.value;
          lines[key] = entry.line;
          break;
        case 'partof':
          data.part_of = entry.value;
          lines.part_of = entry.line;
          break;
        case 'date':
          data.date = parseWikiDate(entry.value);
          lines.date = entry.line;
          break;
        default:
          unknown.push(entry);
      }
    }
    if (sides.length > 0) data.sides = Array.from(sides, (side) => side ?? {});
    return { data, unknown, lines };
  },
});
