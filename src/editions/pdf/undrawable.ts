import { type Coverage, covers, type FileCoverage } from './system-fonts.js';

/** What the shipped fonts draw: all of them together, and each file alone. */
export interface ShippedGlyphs {
  coverage: Coverage;
  files: ReadonlyArray<FileCoverage>;
}

/** A letter (a grapheme cluster: a base and its marks, an emoji sequence) the print edition cannot draw as it is written. */
export interface Undrawable {
  /** Where it starts in the text (a UTF-16 index). */
  index: number;
  cluster: string;
  /** The same letter composed (NFC: `g` + `◌̆` as `ğ`), where the fonts draw that: set in its place, nothing is lost. */
  drawnAs: string | undefined;
  /** Its characters no shipped font has; none when each has a font but the letter is not drawn whole. */
  missing: readonly number[];
}

/** The letters of a text the print edition cannot draw as written, in order. */
export type UndrawableFinder = (text: string) => Undrawable[];

/** Characters that need no glyph: controls, format characters, invisible ones and spaces… */
const invisible = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\s]/u;
/** …but for those Chromium draws a glyph for: the Ogham space mark, the prepended concatenation marks, the Hangul fillers, Egyptian format controls. */
const drawnAnyway = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u1680\u115F\u1160\u3164\uFFA0\u{110BD}\u{110CD}\u{13430}-\u{1343F}]/u;
const needsGlyph = (char: string) => !invisible.test(char) || drawnAnyway.test(char);

/** Characters that make a letter of more than one character: marks, emoji modifiers and joiners, flags' letters. */
const joining = /\p{M}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200D\u115F\u1160]/u;

/** Latin letters and accents below this every text face has (the check does not look them up). */
const FIRST_LOOKED_UP = 0x250;
const beyondLatin = /[^\t-\u024F]/;

/** Cuts a text into letters (grapheme clusters). */
const letters = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Emoji sequences, which Chromium draws from its emoji font whatever their first character: a pictograph or a flag's letters first, or a keycap. */
const emoji = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[0-9#*]\uFE0F?\u20E3$)/u;

/**
 * A finder of the letters of a text the print edition cannot draw as written:
 * those with a character no shipped font has, and those whose marks the font of
 * their first character lacks. Chromium draws a letter and its marks from one
 * font, the one its fallback finds for the first character (a file of the first
 * family that has it) (`x̆`: the breve is
 * only in Noto Sans Math, and the `x` is Source Serif's), and composes them only
 * where that font has the composed letter (`g` + `◌̆`: Source Serif's Latin file
 * has no `ğ`, its Latin Extended file does). An emoji sequence is drawn by the
 * emoji font.
 */
export function undrawableFinder(glyphs: ShippedGlyphs): UndrawableFinder {
  const has = (point: number) => point < FIRST_LOOKED_UP || covers(glyphs.coverage, point);
  // The files of the first family, in fallback order, with a character: fontconfig gives Chromium one of them for it.
  const familyFiles = (point: number) => {
    const family = glyphs.files.find((file) => covers(file.coverage, point))?.family;
    return glyphs.files.filter((file) => file.family === family && covers(file.coverage, point));
  };
  const drawnRun = (run: string): boolean => {
    const points = glyphPoints(run);
    if (points.length <= 1) return points.every(has);
    const files = emoji.test(run) ? glyphs.files : familyFiles(points[0]!);
    return files.some((file) => points.every((point) => covers(file.coverage, point)));
  };
  const seen = new Map<string, { drawn: boolean; drawnAs: string | undefined }>();
  const judge = (cluster: string) => {
    let known = seen.get(cluster);
    if (known === undefined) {
      const composed = cluster.normalize('NFC');
      const drawn = runsOf(cluster).every(drawnRun);
      known = { drawn, drawnAs: !drawn && composed !== cluster && runsOf(composed).every(drawnRun) ? composed : undefined };
      seen.set(cluster, known);
    }
    return known;
  };
  return (text) => {
    // (Most texts have neither: not cut into letters.)
    if (!joining.test(text) && (!beyondLatin.test(text) || [...text].every((char) => has(char.codePointAt(0)!) || !needsGlyph(char)))) return [];
    const found: Undrawable[] = [];
    for (const { segment, index } of letters.segment(text)) {
      const { drawn, drawnAs } = judge(segment);
      if (drawn) continue;
      const missing = drawnAs === undefined ? glyphPoints(segment).filter((point) => !has(point)) : [];
      found.push({ index, cluster: segment, drawnAs, missing });
    }
    return found;
  };
}

/** Scripts with marks of their own (a Thai tone mark is Thai, a combining acute is of no script). */
const markScripts = [
  'Arabic',
  'Armenian',
  'Balinese',
  'Bengali',
  'Cyrillic',
  'Devanagari',
  'Ethiopic',
  'Greek',
  'Gujarati',
  'Gurmukhi',
  'Han',
  'Hangul',
  'Hebrew',
  'Hiragana',
  'Javanese',
  'Kannada',
  'Katakana',
  'Khmer',
  'Lao',
  'Latin',
  'Malayalam',
  'Mongolian',
  'Myanmar',
  'Nko',
  'Oriya',
  'Sinhala',
  'Syriac',
  'Tamil',
  'Telugu',
  'Thaana',
  'Thai',
  'Tibetan',
  'Tifinagh',
].map((name) => ({ script: new RegExp(`^\\p{Script=${name}}`, 'u'), extensions: new RegExp(`^\\p{Script_Extensions=${name}}`, 'u') }));

/**
 * A letter as Chromium shapes it, in runs of one script: a character of a script
 * of its own after punctuation or a symbol (`(` + Thai `◌่`), or a mark of another
 * script than its base's (`a` + Thai `◌่`), is in another run of the text, drawn
 * from its own font; a mark of no script of its own (`◌̆`) is drawn with its base.
 */
function runsOf(cluster: string): string[] {
  const runs: string[] = [];
  for (const char of cluster) {
    const run = runs.at(-1);
    const common = run !== undefined && /^\p{Script=Common}/u.test(run) && !/[\p{Script=Inherited}\p{Script=Common}]/u.test(char);
    const foreignMark = run !== undefined && /\p{M}/u.test(char) && markScripts.some((one) => one.script.test(char) && !one.extensions.test(run));
    if (run !== undefined && !common && !foreignMark) runs[runs.length - 1] = run + char;
    else runs.push(char);
  }
  return runs;
}

/** The code points of a text that are drawn with a glyph. */
export const glyphPoints = (text: string): number[] => [...text].filter(needsGlyph).map((char) => char.codePointAt(0)!);

/**
 * A text for generated content (running heads, whose letters cannot be set apart
 * in runs of their own), as the fonts draw it, as written and in capitals: a
 * letter drawn only composed is composed; one drawn only without its marks loses
 * them (`ῆ`, whose capital `Η͂` no font has whole, is `η`, as Greek capitals are
 * set without accents); one not drawn even so is left out, so that neither it nor
 * the letters after it print as boxes. Spaces left are collapsed.
 */
export function drawableText(find: UndrawableFinder, text: string): string {
  const drawn = (letter: string) => find(letter).length === 0 && find(letter.toUpperCase()).length === 0;
  if (drawn(text)) return text;
  let out = '';
  for (const { segment } of letters.segment(text)) {
    const composed = segment.normalize('NFC');
    const bare = segment.normalize('NFD').replace(/\p{M}/gu, '');
    out += [segment, composed, bare].find(drawn) ?? '';
  }
  return out.replace(/\s+/g, ' ').trim();
}
