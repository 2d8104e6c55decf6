import * as v from 'valibot';
import { coordinates, dateOrRange, image, isoDate, number, person, text, textList, url } from '../schema/fields.js';
import { labelOf, type FieldDeclaration, type InfoboxDeclaration, type ValueType } from './declaration.js';

const plain: Record<Exclude<ValueType, 'group'>, v.GenericSchema> = {
  text,
  list: textList,
  date: isoDate,
  'date-range': dateOrRange,
  number,
  url,
  coordinates,
  image,
  person,
  people: v.pipe(v.array(person), v.minLength(1, 'Unexpected empty list, expected at least one person')),
};

function fieldSchema(key: string, field: FieldDeclaration): v.GenericSchema {
  let schema: v.GenericSchema;
  if (field.type === 'group') {
    const item = v.strictObject(entries(field.fields ?? {}));
    schema = field.repeat
      ? v.pipe(
          v.array(item),
          v.minLength(1, 'Unexpected empty list, expected at least one item'),
          v.maxLength(field.max ?? Number.MAX_SAFE_INTEGER, `Expected at most ${field.max} items in \`${key}\``),
        )
      : item;
  } else schema = plain[field.type];
  const described = v.pipe(schema, v.title(labelOf(key, field)), ...(field.description ? [v.description(field.description)] : []));
  return field.required ? described : v.optional(described);
}

function entries(fields: Readonly<Record<string, FieldDeclaration>>): v.ObjectEntries {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, fieldSchema(key, field)]));
}

/** The schema of an infobox of a declared type: `type` and the declared fields, nothing else. */
export function dataSchema(declaration: InfoboxDeclaration): v.GenericSchema {
  const schema: v.GenericSchema = v.strictObject({ type: v.literal(declaration.name), ...entries(declaration.fields) });
  return v.pipe(schema, v.title(`${declaration.name} infobox`), ...(declaration.description ? [v.description(declaration.description)] : []));
}
