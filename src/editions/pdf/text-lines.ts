import { WORD_KEPT } from './book-words.js';
import { stringOperands } from './content-stream.js';
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
}

/**
 * A line's text before its first space, hyphen or dash (`head`, complete once
 * `headDone`), and after its last (`tail`); `broken` once it has one (else its
 * head and tail are the whole line, a piece of a word that may go on both ways).
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
    if (font.breaks.has(code)) {
      segment.headDone = true;
      segment.broken = true;
      segment.tail = '';
      continue;
    }
    const character = font.unicode.get(code) ?? '\ufffd';
    if (!segment.headDone) {
      segment.head += character;
      if (segment.head.length >= WORD_KEPT) segment.headDone = true;
    }
    segment.tail = (segment.tail + character).slice(-WORD_KEPT);
  }
}

/** The codes a text-showing operation's operands (from `start` to `end`) draw, as Latin-1 bytes: one hex string read in place (Chromium writes nothing else), any other operands in full. */
export function shownBytes(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && text.charCodeAt(i) <= 0x20) i++;
  const close = text.indexOf('>', i);
  const hex = text[i] === '<' && close > i && close < end && text.slice(close + 1, end).trim() === '' ? text.slice(i + 1, close) : undefined;
  if (hex === undefined || hex.length % 2 === 1 || !/^[0-9a-f]*$/i.test(hex)) return stringOperands(text.slice(start, end)).join('');
  let bytes = '';
  for (let at = 0; at < hex.length; at += 2) bytes += String.fromCharCode(Number.parseInt(hex.slice(at, at + 2), 16));
  return bytes;
}

/** Text that may be the part of a word a line ends or starts with: `open` where it was cut (the word may go on beyond it). */
export interface WordPiece {
  readonly text: string;
  readonly open: boolean;
}

/**
 * For each tagged segment, the text of the word its end is in (`tail`: back to
 * the last space, hyphen or dash, over the segments before it in one element
 * that hold none) and of the word its start is in (`head`: on to the next one):
 * the pieces of a word too long for its line, over as many lines as it takes.
 */
export function wordsAcross(segments: readonly Segment[], same: (a: Segment, b: Segment) => boolean): Map<Segment, { tail: WordPiece; head: WordPiece }> {
  const tagged = segments.filter((segment) => segment.tagged);
  const tails: WordPiece[] = [];
  tagged.forEach((segment, i) => {
    const { tail, broken } = segment.words;
    const before = i > 0 && !broken && same(tagged[i - 1]!, segment) ? tails[i - 1]! : { text: '', open: false };
    tails.push(piece(before.text + tail, before.open || tail.length >= WORD_KEPT, 'end'));
  });
  const found = new Map<Segment, { tail: WordPiece; head: WordPiece }>();
  let after: WordPiece = { text: '', open: false };
  for (let i = tagged.length - 1; i >= 0; i--) {
    const segment = tagged[i]!;
    const { head, broken } = segment.words;
    const goesOn = !broken && i + 1 < tagged.length && same(segment, tagged[i + 1]!) ? after : { text: '', open: false };
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
