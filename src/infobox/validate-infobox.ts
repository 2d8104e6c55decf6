import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { LocatedYaml, YamlPath } from '../schema/parse-yaml.js';
import { describeValue, validate } from '../schema/validate.js';
import { bracketedGuess } from '../shared/did-you-mean.js';
import { fail, warn } from '../shared/messages.js';
import { genericType } from './generic-type.js';
import type { InfoboxType } from './infobox-type.js';

/** A validated infobox: its type and data of that type's schema. */
export interface Infobox {
  type: InfoboxType;
  data: unknown;
  /** Where the value at a path inside the infobox was written (its images are reported there). */
  locate?: ((path: YamlPath) => Point) | undefined;
}

/** The infobox types a manuscript knows: Galley's, overridden by the manuscript's own. */
export type InfoboxTypes = ReadonlyMap<string, InfoboxType>;

/**
 * Check an infobox written at `base` in a YAML document: its `type`, then its
 * fields. A type that nobody declared is shown as a generic box, with a warning.
 * Problems are reported on `ctx.file`; the result is `undefined` on an error.
 */
export function validateInfobox(value: unknown, ctx: { file: VFile; yaml: LocatedYaml; base: YamlPath; types: InfoboxTypes }): Infobox | undefined {
  const known = [...ctx.types.keys()];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(ctx.file, 'wrong-type', `Expected \`infobox\` to be a mapping of fields, not ${describeValue(value)}`, ctx.yaml.locate(ctx.base));
    return undefined;
  }
  const name = (value as { type?: unknown }).type;
  if (name === undefined) {
    fail(
      ctx.file,
      'missing-field',
      `Missing required field \`type\` in \`infobox\`; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`,
      ctx.yaml.locate(ctx.base),
    );
    return undefined;
  }
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/i.test(name)) {
    fail(
      ctx.file,
      'bad-value',
      `Expected the infobox \`type\` to be a name such as \`person\`, not ${describeValue(name)}`,
      ctx.yaml.locate([...ctx.base, 'type']),
    );
    return undefined;
  }
  let type = ctx.types.get(name);
  if (!type) {
    warn(
      ctx.file,
      'unknown-infobox-type',
      `Unknown infobox type \`${name}\`${bracketedGuess(name, known)}. It is shown as a generic box of its fields; declare the type in \`infoboxes/${name.toLowerCase()}.yaml\` (known types: ${known.join(', ')})`,
      ctx.yaml.locate([...ctx.base, 'type']),
    );
    type = genericType(name);
  }
  const data: unknown = validate(type.schema, value, { file: ctx.file, yaml: ctx.yaml, base: ctx.base, subject: 'infobox' });
  return data === undefined ? undefined : { type, data, locate: (path) => ctx.yaml.locate([...ctx.base, ...path]) };
}
