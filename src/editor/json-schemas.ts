import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { FieldDeclarationSchema, InfoboxDeclarationSchema } from '../infobox/declaration.js';
import type { InfoboxTypes } from '../infobox/validate-infobox.js';
import { BookConfig } from '../schema/book-config.js';
import { chapterRoles } from '../schema/chapter-front-matter.js';
import { TRIM_PATTERN } from '../shared/trim-sizes.js';

type JsonSchema = Record<string, unknown>;

/** The folder of a manuscript that holds the JSON Schemas for editors. */
export const SCHEMA_FOLDER = 'schemas';

const convert = (schema: v.GenericSchema, extra: JsonSchema = {}): JsonSchema => {
  const { $schema, ...rest } = toJsonSchema(schema, { errorMode: 'ignore', ...extra }) as JsonSchema;
  return { $schema, ...rest };
};

/** A trim size is checked by code in the build; editors get its shape as a pattern. */
function withTrimPattern(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  return {
    ...schema,
    properties: {
      ...properties,
      trim: { ...properties.trim, pattern: TRIM_PATTERN, description: 'A name (A5, 6x9, royal, …) or a width and height (5.5in x 8.5in, 156mm x 234mm).' },
      theme: { ...properties.theme, description: "Galley's look: galley (Source Serif 4 and Source Sans 3) or classic (EB Garamond)." },
      page: {
        ...properties.page,
        description: "The print edition's margins (top, bottom, inner, outer: 18mm, 0.7in), running heads (verso, recto), bleed and marks (crop, cross).",
      },
      font: { ...properties.font, description: 'The families of text (body) and headings, the print type size in points (size) and line height (leading).' },
      styles: { ...properties.styles, description: "Your CSS files, relative to book.yaml, after Galley's in every edition." },
    },
  };
}

/** The schema of one infobox type's data (a type without a declaration allows any field). */
function infoboxSchema(types: InfoboxTypes, name: string): JsonSchema {
  const { $schema: _, ...schema } = convert(types.get(name)!.schema);
  return schema;
}

/**
 * The front matter of a chapter: its `id`, and an `infobox` checked against the
 * schema of the type its `type` names (any other type name is allowed: it shows
 * as a generic box).
 */
function chapterSchema(types: InfoboxTypes): JsonSchema {
  const names = [...types.keys()];
  const defs = Object.fromEntries(names.map((name) => [`infobox-${name}`, infoboxSchema(types, name)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Galley chapter front matter',
    type: 'object',
    properties: {
      id: {
        type: 'string',
        pattern: '^[a-z][a-z0-9-]*$',
        description: 'Stable id of the chapter, used in links and file names (default: from the file name).',
      },
      role: {
        enum: [...chapterRoles],
        description: 'What the chapter is (e-book semantics, print design): a preface, a dedication, an appendix, … (default: a chapter, or an appendix).',
      },
      infobox: {
        type: 'object',
        description: 'The infobox of the chapter; `type` names its type.',
        required: ['type'],
        properties: { type: { anyOf: [{ enum: names }, { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }], description: 'The infobox type.' } },
        // JSON Schema's if/then: the schema of the type that `type` names.
        allOf: names.map((name) =>
          Object.fromEntries([
            ['if', { properties: { type: { const: name } }, required: ['type'] }],
            ['then', { $ref: `#/$defs/infobox-${name}` }],
          ]),
        ),
      },
    },
    additionalProperties: false,
    $defs: defs,
  };
}

/**
 * JSON Schemas for editors, by file name: `book.yaml`, the chapters' front matter
 * (with every infobox type the manuscript knows), infobox declarations, and one
 * per infobox type. Serialised with sorted type names, so they are reproducible.
 */
export function jsonSchemas(types: InfoboxTypes): Map<string, string> {
  const sorted = new Map([...types.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')));
  const files = new Map<string, JsonSchema>([
    ['book.schema.json', { title: 'Galley book.yaml', ...withTrimPattern(convert(BookConfig)) }],
    ['chapter.schema.json', chapterSchema(sorted)],
    [
      'infobox-declaration.schema.json',
      { title: 'Galley infobox type declaration', ...convert(InfoboxDeclarationSchema, { definitions: { field: FieldDeclarationSchema } }) },
    ],
  ]);
  for (const name of sorted.keys())
    files.set(`infobox-${name}.schema.json`, { $schema: 'http://json-schema.org/draft-07/schema#', ...infoboxSchema(sorted, name) });
  return new Map([...files].map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]));
}
