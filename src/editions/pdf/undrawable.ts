import { type Coverage, covers } from './system-fonts.js';

/** What the shipped fonts draw: all of them together, and each file alone. */
export interface ShippedGlyphs {
  coverage: Coverage;
  files: readonly Coverage[];
}

/** A letter (a grapheme cluster: a base and its marks, an emoji sequence) the print edition cannot draw. */
export interface Undrawable {
  /** Where it starts in the text (a UTF-16 index). */
  index: number;
  cluster: string;
  /** Its characters no shipped font has; none when each has a font but no font has them all. */
  missing: readonly number[];
}

/** The letters of a text the print edition cannot draw, in order. */
export type UndrawableFinder = (text: string) => Undrawable[];

/** Characters that need no glyph: controls, format characters, invisible ones. */
const noGlyph = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\s]/u;

/** Characters that make a letter of more than one character: marks, emoji modifiers and joiners, flags' letters. */
const joining = /[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u200D]/u;

/** Latin letters and accents below this every text face has (the check does not look them up). */
const FIRST_LOOKED_UP = 0x250;
const beyondLatin = /[^\t-\u024F]/;

/** Emoji sequences: Chromium draws them from its emoji font, whatever their first character. */
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3|\uFE0F/u;

/**
 * A finder of the letters of a text the print edition can only draw with a box:
 * those with a character no shipped font has, and those whose marks the font of
 * their first character lacks. Chromium draws a letter and its marks from one
 * font, the one its fallback finds for the first character (`x̆`: the breve is only
 * in Noto Sans Math, and the `x` is Source Serif's). A letter the font has
 * composed or decomposed (`e` + `◌́` as `é`) is drawn; an emoji sequence is drawn
 * by the emoji font.
 */
export function undrawableFinder(glyphs: ShippedGlyphs): UndrawableFinder {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  const has = (point: number) => point < FIRST_LOOKED_UP || covers(glyphs.coverage, point);
  // The first font file, in fallback order, with a character: the one fontconfig gives Chromium for it.
  const firstFile = (point: number) => glyphs.files.find((file) => covers(file, point));
  const whole = new Map<string, boolean>();
  const drawnWhole = (cluster: string): boolean => {
    let known = whole.get(cluster);
    if (known === undefined) {
      known = [cluster.normalize('NFC'), cluster.normalize('NFD')].some((form) => {
        const points = glyphPoints(form);
        if (points.length <= 1) return points.every(has);
        const files = emoji.test(form) ? glyphs.files : [firstFile(points[0]!)];
        return files.some((file) => file !== undefined && points.every((point) => covers(file, point)));
      });
      whole.set(cluster, known);
    }
    return known;
  };
  return (text) => {
    // (Most texts have neither: not cut into letters.)
    if (!joining.test(text) && (!beyondLatin.test(text) || [...text].every((char) => has(char.codePointAt(0)!) || noGlyph.test(char)))) return [];
    const found: Undrawable[] = [];
    for (const { segment, index } of segmenter.segment(text)) {
      const points = glyphPoints(segment);
      const missing = points.filter((point) => !has(point));
      if (missing.length > 0 || (points.length > 1 && !runsOf(segment).every(drawnWhole))) found.push({ index, cluster: segment, missing });
    }
    return found;
  };
}

/**
 * A letter as Chromium shapes it: a mark of a script of its own after punctuation
 * or a symbol (`(` + Thai `◌่`) is in another run of the text (script runs), drawn
 * from its own font; a mark of no script of its own (`◌̆`) is drawn with its base.
 */
function runsOf(cluster: string): string[] {
  const runs: string[] = [];
  for (const char of cluster) {
    const run = runs.at(-1);
    if (run !== undefined && !(/^\p{Script=Common}/u.test(run) && !/[\p{Script=Inherited}\p{Script=Common}]/u.test(char))) runs[runs.length - 1] = run + char;
    else runs.push(char);
  }
  return runs;
}

/** The code points of a text that are drawn with a glyph. */
export const glyphPoints = (text: string): number[] => [...text].filter((char) => !noGlyph.test(char)).map((char) => char.codePointAt(0)!);
