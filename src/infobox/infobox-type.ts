import type { Element } from 'hast';
import type * as v from 'valibot';

/** What rendering an infobox needs to know about the book. */
export interface RenderContext {
  /** BCP 47 language of the book, for dates and numbers. */
  language: string;
  /** A unique id for the infobox element (caption ids derive from it). */
  id: string;
}

/** One `- Key: Value` line of an imported article. */
export interface WikiEntry {
  key: string;
  value: string;
  line: number;
}

export interface FromWikiResult {
  data: Record<string, unknown>;
  /** Entries the type does not know (they are dropped, with a warning). */
  unknown: WikiEntry[];
  /** The source line of each field, by dotted path (`date`, `sides.0.combatants`). */
  lines: Record<string, number>;
}

/** An infobox type: its schema, labels and rendering. One module per type. */
export interface InfoboxType<S extends v.GenericSchema = v.GenericSchema> {
  /** The value of `type:` in the manuscript. */
  readonly name: string;
  readonly schema: S;
  /** Display labels of the fields, in display order. */
  readonly labels: Readonly<Record<string, string>>;
  /** Wiki-text keys (normalised: lowercase, no spaces, `_` or `-`) this type recognises, for type inference. */
  readonly wikiKeys: readonly string[];
  /** Render validated data as a hast `aside`. */
  render(data: v.InferOutput<S>, ctx: RenderContext): Element;
  /** Map the entries of an imported wiki-text infobox onto this type's fields. */
  fromWiki(entries: readonly WikiEntry[]): FromWikiResult;
}

/** Normalise a wiki-text key: `Casualties 2` → `casualties2`. */
export const normaliseKey = (key: string): string => key.toLowerCase().replace(/[\s_-]+/g, '');

/** Helper so each type module keeps its inferred schema type. */
export const defineInfoboxType = <S extends v.GenericSchema>(type: InfoboxType<S>): InfoboxType<S> => type;
