import * as v from 'valibot';
import { checkWith } from './check-with.js';

/** What a chapter can be: the EPUB structural semantics and DPUB-ARIA roles of a book's divisions. */
export const chapterRoles = [
  'chapter',
  'dedication',
  'epigraph',
  'foreword',
  'preface',
  'introduction',
  'prologue',
  'epilogue',
  'afterword',
  'conclusion',
  'appendix',
  'glossary',
  'bibliography',
  'acknowledgments',
  'colophon',
] as const;

export type ChapterRole = (typeof chapterRoles)[number];

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
  /** What the chapter is, for e-book readers and the print design (`preface`, `dedication`, `glossary`, …; default: a chapter, or an appendix). */
  role: v.optional(v.picklist(chapterRoles)),
  /** The infobox of the chapter, validated against its `type`. */
  infobox: v.optional(v.unknown()),
});

export type ChapterFrontMatter = v.InferOutput<typeof ChapterFrontMatter>;
