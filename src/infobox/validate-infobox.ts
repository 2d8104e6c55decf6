import type { VFile } from 'vfile';
import type { LocatedYaml, YamlPath } from '../schema/parse-yaml.js';
import { describeValue, validate } from '../schema/validate.js';
import { suggestion } from '../shared/did-you-mean.js';
import { fail } from '../shared/messages.js';
import type { InfoboxType } from './infobox-type.js';
import { infoboxTypeNames, infoboxTypes } from './registry.js';

/** A validated infobox: its type and data of that type's schema. */
export interface Infobox {
  type: InfoboxType;
  data: unknown;
}

/**
 * Check an infobox written at `base` in a YAML document: its `type`, then its
 * fields. Problems are reported on `ctx.file`; the result is `undefined` then.
 */
export function validateInfobox(value: unknown, ctx: { file: VFile; yaml: LocatedYaml; base: YamlPath }): Infobox | undefined {
  const known = infoboxTypeNames();
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
  const type = typeof name === 'string' ? infoboxTypes.get(name) : undefined;
  if (!type) {
    fail(
      ctx.file,
      'unknown-infobox-type',
      `Unknown infobox type \`${String(name)}\`${suggestion(String(name), known)} (known types: ${known.join(', ')})`,
      ctx.yaml.locate([...ctx.base, 'type']),
    );
    return undefined;
  }
  const data: unknown = validate(type.schema, value, { file: ctx.file, yaml: ctx.yaml, base: ctx.base, subject: 'infobox' });
  return data === undefined ? undefined : { type, data };
}
