import { WORD_KEPT } from './book-words.js';
import type { FontCodes } from './font-codes.js';

/** A line of a page's text, as far as its end matters (`addLineEndSpaces`): the text shown between two moves to another baseline. */
export interface Segment {
  y: number;
  /** Where its first and last text shown start (in text space, along the line). */
  startX: number;
  lastX: number;
  size: number;
  font: FontCodes | undefined;
  last: string;
  /** Where a space would go: after the last text shown. */
  at: number;
  /** Whether that place is in tagged content, directly (not inside an inner sequence). */
  tagged: boolean;
  /** The MCID of the tagged content it ends in. */
  mcid: number;
  /** How many text operators it shows. */
  shows: number;
  /** Set when a tagged sequence of its own (its operator from `start` to `end`) holds one hyphen, this segment's one text shown. */
  hyphen?: { start: number; end: number; mcid: number };
  /** Its first and last word (read with `words` only). */
  words: LineWords;
  /** Its last font, as `Tf` set it, and the last font set before its end that has a space. */
  setIn: string;
  spaceFont: SpaceFont | undefined;
}

/** A font with a space, as `Tf` sets it, and its space's code. */
export interface SpaceFont {
  setIn: string;
  code: string;
}

/**
 * A line's text before its first space (`head`, complete once `headDone`), and
 * after its last (`tail`); `broken` once it has one (else its head and tail are
 * the whole line, a piece of a word that may go on both ways). Hyphens, dashes and
 * slashes are part of the words they stand in ("km/h", "Jean-Luc", "10–19").
 */
export interface LineWords {
  head: string;
  headDone: boolean;
  tail: string;
  broken: boolean;
}

export const lineWords = (): LineWords => ({ head: '', headDone: false, tail: '', broken: false });

/** Follow the first and last word of a line through the codes `bytes` a show draws in `font`. */
export function readWords(segment: LineWords, font: FontCodes, bytes: string): void {
  for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
    const code = font.bytes === 2 ? bytes.slice(i, i + 2) : bytes[i]!;
    const character = font.unicode.get(code) ?? '\ufffd';
    if (/^\s$/.test(character)) {
      segment.headDone = true;
      segment.broken = true;
      segment.tail = '';
      continue;
    }
    if (!segment.headDone) {
      segment.head += character;
      if (segment.head.length >= WORD_KEPT) segment.headDone = true;
    }
    segment.tail = (segment.tail + character).slice(-WORD_KEPT);
  }
}

/** Text that may be the part of a word a line ends or starts with: `open` where it was cut (the word may go on beyond it). */
export interface WordPiece {
  readonly text: string;
  readonly open: boolean;
}

/**
 * For each tagged segment, the text of the word its end is in (`tail`: back to
 * the last space, over the segments before it in one element that hold none) and
 * of the word its start is in (`head`: on to the next one): the pieces of a word
 * too long for its line, over as many lines as it takes (the hyphens the layout
 * draws where it breaks a word, `skipped`, are not the word's; a line that ends
 * with a word of the book, `isWord`, ends it). A word that reaches the page's
 * first tagged text may have begun on the page before (`open`).
 */
export function wordsAcross(
  segments: readonly Segment[],
  same: (a: Segment, b: Segment) => boolean,
  skipped: ReadonlySet<Segment>,
  isWord: (text: string) => boolean,
): Map<Segment, { tail: WordPiece; head: WordPiece }> {
  const tagged = segments.filter((segment) => segment.tagged && !skipped.has(segment));
  const tails: WordPiece[] = [];
  /** Whether the text goes on from `tagged[i]` to the next in one word: one element, and not past a line that ends with a word of the book. */
  const joined = (i: number) => same(tagged[i]!, tagged[i + 1]!) && (sameLine(tagged[i]!, tagged[i + 1]!) || !isWord(tails[i]!.text));
  tagged.forEach((segment, i) => {
    const { tail, broken } = segment.words;
    const before = broken ? { text: '', open: false } : i === 0 ? { text: '', open: true } : joined(i - 1) ? tails[i - 1]! : { text: '', open: false };
    tails.push(piece(before.text + tail, before.open || tail.length >= WORD_KEPT, 'end'));
  });
  const found = new Map<Segment, { tail: WordPiece; head: WordPiece }>();
  let after: WordPiece = { text: '', open: false };
  for (let i = tagged.length - 1; i >= 0; i--) {
    const segment = tagged[i]!;
    const { head, broken } = segment.words;
    const goesOn = !broken && i + 1 < tagged.length && joined(i) ? after : { text: '', open: false };
    const own = piece(head + goesOn.text, goesOn.open || head.length >= WORD_KEPT, 'start');
    found.set(segment, { tail: tails[i]!, head: own });
    after = own;
  }
  return found;
}

/** The most text kept of a word over several lines. */
const WORD_MOST = 4 * WORD_KEPT;

const piece = (text: string, open: boolean, keep: 'start' | 'end'): WordPiece =>
  text.length <= WORD_MOST ? { text, open } : { text: keep === 'start' ? text.slice(0, WORD_MOST) : text.slice(-WORD_MOST), open: true };

/** `b` follows `a` on its line: on the same baseline (within a raised call's shift), and near (not past a gap of leaders, in the next cell of a row). */
export function sameLine(a: Segment, b: Segment): boolean {
  const size = Math.max(a.size, b.size);
  return Math.abs(b.y - a.y) < 0.6 * size && Math.abs(b.startX - a.lastX) < 3 * size;
}

/**
 * The hyphens Chromium draws where it breaks a word at a line's end (a tagged
 * sequence of its own that holds that one glyph, on the baseline of the word's
 * first part, the text going on on the next line, or, at the page's end, in an
 * element that `continues` on another page), and the first parts of those words.
 */
export function findDrawnHyphens(
  segments: readonly Segment[],
  continues: ((mcid: number) => boolean) | undefined,
): { drawnHyphens: Set<Segment>; brokenBefore: Set<Segment> } {
  const drawnHyphens = new Set<Segment>();
  const brokenBefore = new Set<Segment>();
  // From the last segment back, each with the next tagged one after it.
  let next: Segment | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const before = segments[i - 1];
    if (
      segment.hyphen &&
      segment.shows === 1 &&
      before?.tagged &&
      before.font &&
      !before.font.breaks.has(before.last) &&
      sameLine(before, segment) &&
      (next ? !sameLine(segment, next) : (continues?.(segment.mcid) ?? true))
    ) {
      drawnHyphens.add(segment);
      brokenBefore.add(before);
    } else if (segment.tagged) next = segment;
  }
  return { drawnHyphens, brokenBefore };
}
