import { isRtl } from '../../shared/language.js';
import type { FontCodes } from './font-codes.js';

/** What the page's elements are: who owns a tagged sequence, whether its paragraph reads right to left, whether it goes on. */
export interface Paragraphs {
  ownerOf(mcid: number): unknown;
  /** The block (paragraph, heading, cell) whose lines the sequence's text is in. */
  blockOf(mcid: number): unknown;
  rightToLeft(mcid: number): boolean;
  /** Whether the element goes on on another page (its last line here is not its end). */
  continues(mcid: number): boolean;
}

export type Matrix = [number, number, number, number, number, number];
/** A text shown, and the text line matrix it is drawn from. */
export interface Show {
  code: string;
  font: FontCodes | undefined;
  /** The text line matrix it is drawn from. */
  line: Matrix;
  size: number;
  start: number;
  end: number;
  /** Whether a move placed it (rather than the text before it). */
  placed: boolean;
  /** The font resource and size it is set in (`Tf`'s operands). */
  setIn: string;
}

/** A tagged sequence: a piece of an element's text. */
export interface Piece {
  mcid: number;
  shows: Show[];
  reversed: boolean;
}

const strongLeftToRight = /[\p{L}\p{N}]/u;

/**
 * Whether a paragraph reads right to left: as the nearest block with a direction
 * of its own says (marked in its language by rehype-structure-marks.ts, `-grtl`
 * or `-gltr`), else as the book's language is written.
 */
export function rightToLeftParagraph(languages: readonly string[], bookLanguage: string): boolean {
  for (const language of languages) {
    const marked = /-g(rtl|ltr)(?=$|-)/i.exec(language)?.[1];
    if (marked) return marked.toLowerCase() === 'rtl';
  }
  return isRtl(bookLanguage);
}
const minX = (piece: Piece) => Math.min(...piece.shows.map((show) => show.line[4]));
const maxX = (piece: Piece) => Math.max(...piece.shows.map((show) => show.line[4]));
/** Whether what is read last of a piece ends a word (its first glyph, in a reversed piece). */
const endsWord = (piece: Piece) => {
  const read = piece.reversed ? piece.shows[0]! : piece.shows.at(-1)!;
  return read.font?.breaks.has(read.code.slice(-read.font.bytes)) ?? false;
};

/**
 * The pieces of each line of each element that holds right-to-left text, in
 * reading order where that is not their order on the page; `space` is called for
 * the last piece read of a wrapped line of a right-to-left paragraph, and for a
 * piece read before one far from it on its line, unless it ends a word already.
 */
export function readingOrder(pieces: readonly Piece[], paragraphs: Paragraphs, space: (piece: Piece) => void): number[][] {
  const byBlock = new Map<unknown, Piece[][]>();
  for (const piece of pieces) {
    const first = piece.shows[0];
    const block = first && paragraphs.ownerOf(piece.mcid) !== undefined ? paragraphs.blockOf(piece.mcid) : undefined;
    if (!first || block === undefined) continue;
    const lines = byBlock.get(block) ?? [];
    const same = lines.find((line) => {
      const other = line[0]!.shows[0]!;
      return Math.abs(other.line[5] - first.line[5]) < 0.5 * Math.max(first.size, other.size, 1);
    });
    if (same) same.push(piece);
    else lines.push([piece]);
    byBlock.set(block, lines);
  }
  const order: number[][] = [];
  for (const lines of byBlock.values()) {
    lines.forEach((line, index) => {
      if (!line.some((piece) => piece.reversed)) return;
      const rightToLeft = paragraphs.rightToLeft(line[0]!.mcid);
      const logical = inverseBidi(
        [...line].sort((a, b) => minX(a) - minX(b)),
        rightToLeft,
      );
      // Each element's own pieces (its /K), where their order is not the reading order.
      for (const owner of new Set(line.map((piece) => paragraphs.ownerOf(piece.mcid)))) {
        const own = (pieces: Piece[]) => pieces.filter((piece) => paragraphs.ownerOf(piece.mcid) === owner);
        const read = own(logical);
        if (read.some((piece, i) => piece !== own(line)[i])) order.push(read.map((piece) => piece.mcid));
      }
      const last = logical.at(-1)!;
      const wraps = index < lines.length - 1 || paragraphs.continues(last.mcid);
      if (rightToLeft && wraps && !endsWord(last)) space(last);
      // Pieces far apart on their line (a contents entry's title and page, past the leaders) are words apart.
      logical.slice(1).forEach((next, i) => {
        const piece = logical[i]!;
        const gap = rightToLeft ? minX(piece) - maxX(next) : minX(next) - maxX(piece);
        if (gap > 3 * Math.max(...piece.shows.map((show) => show.size), 1) && !endsWord(piece)) space(piece);
      });
    });
  }
  return order;
}

/** The reading order of a line's pieces, given left to right: Unicode's bidirectional algorithm undone for a paragraph and one level of runs in it. */
function inverseBidi(visual: readonly Piece[], rightToLeft: boolean): Piece[] {
  const strong = visual.map((piece) => {
    if (piece.reversed) return 'R';
    const text = piece.shows.map((show) => show.font?.unicode.get(show.code) ?? '').join('');
    return strongLeftToRight.test(text) ? 'L' : undefined;
  });
  // A neutral piece (spaces, punctuation) between two of the direction against the paragraph's takes theirs, else the paragraph's.
  const against = rightToLeft ? 'L' : 'R';
  const direction = strong.map((kind, i) => {
    if (kind) return kind;
    const before = strong.slice(0, i).findLast((k) => k !== undefined);
    const after = strong.slice(i + 1).find((k) => k !== undefined);
    return before === against && after === against ? against : rightToLeft ? 'R' : 'L';
  });
  const runs: Array<{ direction: string; pieces: Piece[] }> = [];
  visual.forEach((piece, i) => {
    const last = runs.at(-1);
    if (last && last.direction === direction[i]) last.pieces.push(piece);
    else runs.push({ direction: direction[i]!, pieces: [piece] });
  });
  const read = runs.map((run) => (run.direction === 'R' ? [...run.pieces].reverse() : run.pieces));
  return (rightToLeft ? read.reverse() : read).flat();
}
