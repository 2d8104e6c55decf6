import type { VFile } from 'vfile';
import { normaliseKey, type InfoboxType, type WikiEntry } from '../infobox/infobox-type.js';
import { infoboxTypeNames, infoboxTypes } from '../infobox/registry.js';
import { suggestion } from '../shared/did-you-mean.js';
import { fail } from '../shared/messages.js';

/**
 * The infobox type of imported entries: the `Type:` entry when there is one,
 * else the registered type that recognises the most keys. When there is none,
 * the problem is reported on `file`.
 */
export function inferInfoboxType(file: VFile, entries: readonly WikiEntry[]): InfoboxType | undefined {
  const explicit = entries.find((e) => normaliseKey(e.key) === 'type');
  if (explicit) {
    const name = explicit.value.trim().toLowerCase().replace(/\s+/g, '-');
    const type = infoboxTypes.get(name);
    if (!type)
      fail(file, 'unknown-infobox-type', `Unknown infobox type \`${explicit.value}\`${suggestion(name, infoboxTypeNames())}`, {
        line: explicit.line,
        column: 1,
      });
    return type;
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
  if (!best) {
    fail(
      file,
      'unknown-infobox-type',
      `Cannot tell the infobox type from its keys; add a \`- Type: …\` line with one of ${infoboxTypeNames()
        .map((n) => `\`${n}\``)
        .join(', ')}`,
      {
        line: entries[0]?.line ?? 1,
        column: 1,
      },
    );
  }
  return best;
}
