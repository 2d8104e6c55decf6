import type { Element } from 'hast';
import type { Point } from 'unist';
import type * as v from 'valibot';
import type { VFile } from 'vfile';
import type { YamlPath } from '../schema/parse-yaml.js';
import type { InfoboxDeclaration } from './declaration.js';

/** What rendering an infobox needs to know about the book. */
export interface RenderContext {
  /** BCP 47 language of the book, for dates and numbers. */
  language: string;
  /** A unique id for the infobox element (caption ids derive from it). */
  id: string;
  /** Where the value at a path inside the infobox was written (each image is reported at its `src`). */
  locate?: ((path: YamlPath) => Point) | undefined;
}

/** One `- Key: Value` line of an imported article. */
export interface WikiEntry {
  key: string;
  value: string;
  line: number;
}

/** An entry the type could not take, and why. */
export interface RejectedEntry {
  entry: WikiEntry;
  reason: string;
}

export interface FromWikiResult {
  data: Record<string, unknown>;
  /** Entries the type does not take (they are dropped, with a warning). */
  rejected: RejectedEntry[];
  /** The source line of each field, by dotted path (`date`, `sides.0.combatants`). */
  lines: Record<string, number>;
}

/** An infobox type: its declaration, the schema of its data, its rendering and its import. */
export interface InfoboxType {
  /** The value of `type:` in the manuscript. */
  readonly name: string;
  /** The declaration; none for the generic box of an undeclared type. */
  readonly declaration: InfoboxDeclaration | undefined;
  /** Where it was declared: a file of the manuscript, or none for Galley's own. */
  readonly file: VFile | undefined;
  readonly schema: v.GenericSchema;
  /** Wiki-text keys (normalised: lowercase, no spaces, `_` or `-`) this type takes, for type inference. */
  readonly wikiKeys: readonly string[];
  /** Render validated data as a hast `aside`. */
  render(data: unknown, ctx: RenderContext): Element;
  /** Map the entries of an imported wiki-text infobox onto this type's fields. */
  fromWiki(entries: readonly WikiEntry[]): FromWikiResult;
}

/** Normalise a wiki-text key: `Casualties 2` → `casualties2`. */
export const normaliseKey = (key: string): string => key.toLowerCase().replace(/[\s_-]+/g, '');
