import * as v from 'valibot';
import { checkWith } from '../schema/check-with.js';
import { text } from '../schema/fields.js';

/** The kinds of value an infobox field holds. */
export const valueTypes = ['text', 'list', 'date', 'date-range', 'number', 'url', 'coordinates', 'image', 'person', 'people', 'group'] as const;
export type ValueType = (typeof valueTypes)[number];

/** How a group shows: its fields as rows under a heading row, or one column per item (the sides of a conflict). */
export const groupShows = ['rows', 'columns'] as const;

const fieldKey = v.pipe(
  v.string(),
  checkWith(
    (s: string) => /^[a-z][a-z0-9_]*$/.test(s) && s !== 'type',
    'bad-value',
    (s) =>
      s === 'type'
        ? 'Unexpected field named `type`: that key names the infobox type'
        : `Expected a field key of lowercase letters, digits and \`_\`, not \`${s}\``,
  ),
);

/** A wiki-text key as the importer compares them: lowercase letters and digits (`Term_start` → `termstart`). */
const wikiKey = v.pipe(
  v.string(),
  v.transform((s: string) => s.toLowerCase().replace(/[\s_-]+/g, '')),
  checkWith(
    (s: string) => /^[a-z][a-z0-9]*$/.test(s),
    'bad-value',
    (s) => `Expected a wiki-text key of letters and digits, not \`${s}\``,
  ),
);

/** A field as declared (what the YAML says). */
export interface FieldDeclaration {
  /** The kind of value. */
  readonly type: ValueType;
  /** The row's label (default: the key, `term_start` → "Term start"). */
  readonly label?: string | undefined;
  /** What the field is for: shown by editors. */
  readonly description?: string | undefined;
  readonly required: boolean;
  /** Wiki-text keys the importer fills this field from (default: the key). */
  readonly wiki?: readonly string[] | undefined;
  /** Shown in the row of this earlier field, after a comma (a birth place after the birth date). */
  readonly joins?: string | undefined;
  /** A group's fields. */
  readonly fields?: Readonly<Record<string, FieldDeclaration>> | undefined;
  /** A group that holds a list of items (sides, offices held). */
  readonly repeat: boolean;
  /** The most items a repeated group holds. */
  readonly max?: number | undefined;
  /** How a group shows. */
  readonly show?: (typeof groupShows)[number] | undefined;
}

/** An infobox type as declared in `infoboxes/<name>.yaml`. */
export interface InfoboxDeclaration {
  readonly name: string;
  readonly description?: string | undefined;
  /** The field whose text is the infobox's caption. */
  readonly caption: string;
  /** A field shown under the caption. */
  readonly subtitle?: string | undefined;
  /** Text before the subtitle ("Part of"). */
  readonly subtitle_prefix?: string | undefined;
  readonly fields: Readonly<Record<string, FieldDeclaration>>;
}

const describe = <T extends v.GenericSchema>(schema: T, description: string) => v.pipe(schema, v.description(description));

const FieldSchema: v.GenericSchema<unknown, FieldDeclaration> = v.lazy(() =>
  v.strictObject({
    type: describe(v.picklist(valueTypes, `Expected a value type: ${valueTypes.map((t) => `\`${t}\``).join(', ')}`), 'The kind of value.'),
    label: v.optional(describe(text, 'The label of the row (default: the key, `term_start` → "Term start").')),
    description: v.optional(describe(text, 'What the field is for; editors show it.')),
    required: v.optional(describe(v.boolean(), 'Whether every infobox of this type must give the field.'), false),
    wiki: v.optional(describe(v.array(wikiKey), 'Wiki-text keys that `galley import` fills this field from (default: the key).')),
    joins: v.optional(describe(fieldKey, 'Show this field in the row of that earlier field, after a comma.')),
    fields: v.optional(describe(v.record(fieldKey, FieldSchema), 'The fields of a `group`.')),
    repeat: v.optional(describe(v.boolean(), 'A group holding a list of items.'), false),
    max: v.optional(describe(v.pipe(v.number(), v.integer(), v.minValue(1)), 'The most items of a repeated group.')),
    show: v.optional(describe(v.picklist(groupShows), 'How a group shows: `rows` (default) or `columns` (one column per item).')),
  }),
);

/** The schema of an infobox declaration file. */
export const InfoboxDeclarationSchema = v.strictObject({
  name: describe(
    v.pipe(
      v.string(),
      checkWith(
        (s: string) => /^[a-z][a-z0-9-]*$/.test(s),
        'bad-value',
        (s) => `Expected a type name of lowercase letters, digits and hyphens, not \`${s}\``,
      ),
    ),
    'The name used in `type:`; the same as the file name.',
  ),
  description: v.optional(describe(text, 'What the type is for.')),
  caption: describe(fieldKey, 'The field whose text is the caption (a required `text` field).'),
  subtitle: v.optional(describe(fieldKey, 'A `text` field shown under the caption.')),
  subtitle_prefix: v.optional(describe(text, 'Text before the subtitle, such as "Part of".')),
  fields: describe(v.record(fieldKey, FieldSchema), 'The fields, in the order they show.'),
});

export { FieldSchema as FieldDeclarationSchema };

/** `term_start` → "Term start". */
export const labelFromKey = (key: string): string => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A field's label. */
export const labelOf = (key: string, field: FieldDeclaration): string => field.label ?? labelFromKey(key);
