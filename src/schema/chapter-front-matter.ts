import * as v from 'valibot';
import { checkWith } from './check-with.js';

/** Front matter of a chapter file. */
export const ChapterFrontMatter = v.strictObject({
  /** Stable id of the chapter, used in links and file names (default: from the file name). */
  id: v.optional(
    v.pipe(
      v.string(),
      checkWith(
        (s: string) => /^[a-z][a-z0-9-]*$/.test(s),
        'bad-value',
        (s) => `Expected an id of lowercase letters, digits and hyphens, not \`${s}\``,
      ),
    ),
  ),
  /** The infobox of the chapter, validated against its `type`. */
  infobox: v.optional(v.unknown()),
});

export type ChapterFrontMatter = v.InferOutput<typeof ChapterFrontMatter>;
