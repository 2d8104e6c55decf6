import type { ValueType } from './declaration.js';

/** A field as a library user writes it in TypeScript (the YAML format, as an object). */
export interface FieldInput {
  readonly type: ValueType;
  readonly label?: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly wiki?: readonly string[];
  readonly joins?: string;
  readonly fields?: Readonly<Record<string, FieldInput>>;
  readonly repeat?: boolean;
  readonly max?: number;
  readonly show?: 'rows' | 'columns';
}

/** An infobox type as a library user writes it in TypeScript. */
export interface DeclarationInput {
  readonly name: string;
  readonly description?: string;
  readonly caption: string;
  readonly subtitle?: string;
  readonly subtitle_prefix?: string;
  readonly fields: Readonly<Record<string, FieldInput>>;
}

type Person = { name: string; role?: string };

/** The validated value of each kind of field. */
interface Values {
  text: string;
  list: string[];
  date: string;
  'date-range': string | { start: string; end?: string };
  number: number;
  url: string;
  coordinates: { latitude: number; longitude: number };
  image: { src: string; alt: string; caption?: string };
  person: Person;
  people: Person[];
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ValueOf<F extends FieldInput> = F['type'] extends 'group'
  ? F['fields'] extends Readonly<Record<string, FieldInput>>
    ? F['repeat'] extends true
      ? FieldsData<F['fields']>[]
      : FieldsData<F['fields']>
    : never
  : Values[Exclude<F['type'], 'group'>];

type RequiredKeys<T> = { [K in keyof T]: T[K] extends { readonly required: true } ? K : never }[keyof T];

type FieldsData<T extends Readonly<Record<string, FieldInput>>> = Simplify<
  { -readonly [K in RequiredKeys<T>]: ValueOf<T[K]> } & { -readonly [K in Exclude<keyof T, RequiredKeys<T>>]?: ValueOf<T[K]> }
>;

/** The data of an infobox of a declared type, as validation returns it. */
export type InfoboxData<D extends DeclarationInput> = Simplify<{ type: D['name'] } & FieldsData<D['fields']>>;

/**
 * Declare an infobox type in TypeScript, keeping its literal shape so that
 * `InfoboxData<typeof type>` is the type of its data. Pass it to
 * `compileInfoboxType` to check it and use it.
 */
export const defineInfobox = <const D extends DeclarationInput>(declaration: D): D => declaration;
