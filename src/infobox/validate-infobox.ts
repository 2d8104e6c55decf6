import type { VFileMessage } from 'vfile-message';
import { error } from '../core/messages.js';
import type { LocatedYaml, YamlPath } from '../schema/parse-yaml.js';
import { describeValue, validate } from '../schema/validate.js';
import { suggestion } from '../util/did-you-mean.js';
import { infoboxTypeNames, infoboxTypes } from './registry.js';
import type { InfoboxType } from './type.js';

/** A validated infobox: its type and data of that type's schema. */
export interface Infobox {
  type: InfoboxType;
  data: unknown;
}

export type InfoboxResult = { ok: true; infobox: Infobox } | { ok: false; messages: VFileMessage[] };

/** Check an infobox written at `base` in a YAML document: its `type`, then its fields. */
export function validateInfobox(value: unknown, ctx: { file: string; yaml: LocatedYaml; base: YamlPath }): InfoboxResult {
  const known = infoboxTypeNames();
  const fail = (reason: string, ruleId: 'missing-field' | 'unknown-infobox-type' | 'wrong-type', path: YamlPath) => ({
    ok: false as const,
    messages: [error({ file: ctx.file, reason, ruleId, place: ctx.yaml.locate(path) })],
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(`Expected \`infobox\` to be a mapping of fields, not ${describeValue(value)}`, 'wrong-type', ctx.base);
  }
  const name = (value as { type?: unknown }).type;
  if (name === undefined) {
    return fail(`Missing required field \`type\` in \`infobox\`; expected one of ${known.map((k) => '`' + k + '`').join(', ')}`, 'missing-field', ctx.base);
  }
  const type = typeof name === 'string' ? infoboxTypes.get(name) : undefined;
  if (!type) {
    return fail(
      `Unknown infobox type \`${String(name)}\`${suggestion(String(name), known)} (known types: ${known.join(', ')})`,
      'unknown-infobox-type',
      [...ctx.base, 'type'],
    );
  }
  const result = validate(type.schema, value, { file: ctx.file, yaml: ctx.yaml, base: ctx.base, subject: 'infobox' });
  return result.ok ? { ok: true, infobox: { type, data: result.output } } : result;
}
