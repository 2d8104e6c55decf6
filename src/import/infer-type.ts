import type { VFile } from 'vfile';
import { genericType } from '../infobox/generic-type.js';
import { normaliseKey, type InfoboxType, type WikiEntry } from '../infobox/infobox-type.js';
import type { InfoboxTypes } from '../infobox/validate-infobox.js';
import { bracketedGuess } from '../shared/did-you-mean.js';
import { warn } from '../shared/messages.js';

/** Whether a type takes a wiki-text key (numbered keys of repeated groups are listed as `combatantN`). */
export function takesKey(type: InfoboxType, key: string): boolean {
  const k = normaliseKey(key);
  const numbered = /^(.*?[a-z])\d+$/.exec(k);
  return type.wikiKeys.includes(k) || (numbered !== null && type.wikiKeys.includes(`${numbered[1]}N`));
}

/**
 * The infobox type of imported entries: the one a `Type:` entry names; else the
 * declared type that takes the most keys, if it takes more than half of them.
 * Otherwise — a `Type:` nobody declared, or keys no type fits — the generic box
 * (nothing is dropped), with a warning on `file`.
 */
export function inferInfoboxType(file: VFile, entries: readonly WikiEntry[], types: InfoboxTypes): InfoboxType {
  const known = [...types.keys()];
  const explicit = entries.find((e) => normaliseKey(e.key) === 'type');
  if (explicit) {
    const name = explicit.value
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    const type = types.get(name);
    if (type) return type;
    warn(
      file,
      'unknown-infobox-type',
      `Unknown infobox type \`${explicit.value}\`${bracketedGuess(name, known)}; imported as a generic box of its fields (declare it in \`infoboxes/${name}.yaml\`; known types: ${known.join(', ')})`,
      { line: explicit.line, column: 1 },
    );
    return genericType(name);
  }
  let best: InfoboxType | undefined;
  let bestScore = 0;
  for (const type of types.values()) {
    const score = entries.filter((e) => takesKey(type, e.key)).length;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (best && bestScore * 2 > entries.length) return best;
  warn(
    file,
    'unknown-infobox-type',
    `Cannot tell the infobox type from its keys; imported as a generic box of its fields (add a \`- Type: …\` line with one of ${known.map((n) => `\`${n}\``).join(', ')})`,
    { line: entries[0]?.line ?? 1, column: 1 },
  );
  return genericType('infobox');
}
