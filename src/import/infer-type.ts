import type { VFileMessage } from 'vfile-message';
import { error } from '../core/messages.js';
import { infoboxTypeNames, infoboxTypes } from '../infobox/registry.js';
import { normaliseKey, type InfoboxType, type WikiEntry } from '../infobox/type.js';
import { suggestion } from '../util/did-you-mean.js';

/**
 * The infobox type of imported entries: the `Type:` entry when there is one,
 * else the registered type that recognises the most keys.
 */
export function inferInfoboxType(entries: readonly WikiEntry[], file: string): { type: InfoboxType | undefined; message?: VFileMessage } {
  const explicit = entries.find((e) => normaliseKey(e.key) === 'type');
  if (explicit) {
    const name = explicit.value.trim().toLowerCase().replace(/\s+/g, '-');
    const type = infoboxTypes.get(name);
    if (type) return { type };
    return {
      type: undefined,
      message: error({ file, reason: `Unknown infobox type \`${explicit.value}\`${suggestion(name, infoboxTypeNames())}`, ruleId: 'unknown-infobox-type', place: { line: explicit.line, column: 1 } }),
    };
  }
  let best: InfoboxType | undefined;
  let bestScore = 0;
  for (const type of infoboxTypes.values()) {
    const score = entries.filter((e) => type.wikiKeys.includes(normaliseKey(e.key))).length;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (best) return { type: best };
  return {
    type: undefined,
    message: error({
      file,
      reason: `Cannot tell the infobox type from its keys; add a \`- Type: …\` line with one of ${infoboxTypeNames().map((n) => '`' + n + '`').join(', ')}`,
      ruleId: 'unknown-infobox-type',
      place: { line: entries[0]?.line ?? 1, column: 1 },
    }),
  };
}
