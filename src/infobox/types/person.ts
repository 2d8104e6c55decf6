import type { Element } from 'hast';
import * as v from 'valibot';
import { isoDate, text, textList } from '../../schema/fields.js';
import { dateContent, frame, listContent, row } from '../render-helpers.js';
import { defineInfoboxType, normaliseKey, type WikiEntry } from '../infobox-type.js';
import { parseWikiDate, splitList } from '../wiki-values.js';

export const Person = v.strictObject({
  type: v.literal('person'),
  /** The person's name (the infobox caption). */
  name: text,
  /** Name in the original script, e.g. Arabic. */
  native_name: v.optional(text),
  birth_date: v.optional(isoDate),
  birth_place: v.optional(text),
  death_date: v.optional(isoDate),
  death_place: v.optional(text),
  nationality: v.optional(text),
  occupation: v.optional(textList),
  known_for: v.optional(text),
  party: v.optional(text),
  spouse: v.optional(textList),
  notes: v.optional(text),
});

export type Person = v.InferOutput<typeof Person>;

const labels = {
  native_name: 'Native name',
  birth_date: 'Born',
  death_date: 'Died',
  nationality: 'Nationality',
  occupation: 'Occupation',
  known_for: 'Known for',
  party: 'Political party',
  spouse: 'Spouse',
  notes: 'Notes',
} as const;

const simpleKeys = ['nationality', 'knownfor', 'party', 'notes', 'nativename', 'birthplace', 'deathplace'] as const;

export const person = defineInfoboxType({
  name: 'person',
  schema: Person,
  labels,
  wikiKeys: ['name', 'birthdate', 'deathdate', 'occupation', 'spouse', ...simpleKeys],
  render(data, ctx) {
    const rows: Element[] = [];
    const text = (value: string) => [{ type: 'text' as const, value }];
    if (data.native_name) rows.push(row(labels.native_name, text(data.native_name)));
    if (data.birth_date || data.birth_place) {
      rows.push(
        row(labels.birth_date, [
          ...(data.birth_date ? dateContent(data.birth_date, ctx.language) : []),
          ...(data.birth_date && data.birth_place ? text(', ') : []),
          ...(data.birth_place ? text(data.birth_place) : []),
        ]),
      );
    }
    if (data.death_date || data.death_place) {
      rows.push(
        row(labels.death_date, [
          ...(data.death_date ? dateContent(data.death_date, ctx.language) : []),
          ...(data.death_date && data.death_place ? text(', ') : []),
          ...(data.death_place ? text(data.death_place) : []),
        ]),
      );
    }
    if (data.nationality) rows.push(row(labels.nationality, text(data.nationality)));
    if (data.occupation) rows.push(row(labels.occupation, listContent(data.occupation)));
    if (data.party) rows.push(row(labels.party, text(data.party)));
    if (data.known_for) rows.push(row(labels.known_for, text(data.known_for)));
    if (data.spouse) rows.push(row(labels.spouse, listContent(data.spouse)));
    if (data.notes) rows.push(row(labels.notes, text(data.notes)));
    return frame({
      id: ctx.id,
      type: 'person',
      caption: [{ type: 'element', tagName: 'span', properties: { className: ['infobox-title'] }, children: text(data.name) }],
      bodies: [{ type: 'element', tagName: 'tbody', properties: {}, children: rows }],
    });
  },
  fromWiki(entries: readonly WikiEntry[]) {
    const data: Record<string, unknown> = { type: 'person' };
    const unknown: WikiEntry[] = [];
    const lines: Record<string, number> = {};
    const snake: Record<string, string> = { knownfor: 'known_for', nativename: 'native_name', birthplace: 'birth_place', deathplace: 'death_place' };
    for (const entry of entries) {
      const key = normaliseKey(entry.key);
      let field: string | undefined;
      let value: unknown = entry.value;
      if (key === 'name') field = 'name';
      else if (key === 'birthdate' || key === 'born') [field, value] = ['birth_date', parseWikiDate(entry.value)];
      else if (key === 'deathdate' || key === 'died') [field, value] = ['death_date', parseWikiDate(entry.value)];
      else if (key === 'occupation' || key === 'spouse') [field, value] = [key, splitList(entry.value)];
      else if ((simpleKeys as readonly string[]).includes(key)) field = snake[key] ?? key;
      if (field === undefined) {
        unknown.push(entry);
        continue;
      }
      data[field] = value;
      lines[field] = entry.line;
    }
    return { data, unknown, lines };
  },
});
