import { isRtl, rightToLeftLetter } from '../../shared/language.js';
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
  /** Its operator (`Tj`, `TJ`, `'`, `"`). */
  operator: string;
}

/** A tagged sequence: a piece of an element's text. */
export interface Piece {
  mcid: number;
  shows: Show[];
  reversed: boolean;
}

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
      const logical = segmentsOf(
        [...line].sort((a, b) => minX(a) - minX(b)),
        rightToLeft,
      ).flatMap((segment, i, all) => {
        const read = inverseBidi(segment, rightToLeft);
        // Apart on their line (a contents entry's title and page, past the leaders): words apart.
        if (i < all.length - 1 && !endsWord(read.at(-1)!)) space(read.at(-1)!);
        return read;
      });
      // Each element's own pieces (its /K), where their order is not the reading order.
      for (const owner of new Set(line.map((piece) => paragraphs.ownerOf(piece.mcid)))) {
        const own = (pieces: Piece[]) => pieces.filter((piece) => paragraphs.ownerOf(piece.mcid) === owner);
        const [read, drawn] = [own(logical), own(line)];
        if (read.some((piece, i) => piece !== drawn[i])) order.push(read.map((piece) => piece.mcid));
      }
      // A wrapped line ends with a space (`addLineEndSpaces` gives one to the end of other lines).
      const last = logical.at(-1)!;
      const wraps = index < lines.length - 1 || paragraphs.continues(last.mcid);
      if ((rightToLeft || last.reversed) && wraps && !endsWord(last)) space(last);
    });
  }
  return order;
}

/** A line's pieces (left to right) in the stretches far apart on it (a contents entry's title and page), in the order they are read. */
function segmentsOf(visual: readonly Piece[], rightToLeft: boolean): Piece[][] {
  const segments: Piece[][] = [];
  visual.forEach((piece, i) => {
    const before = visual[i - 1];
    const size = Math.max(...piece.shows.map((show) => show.size), 1);
    if (before && minX(piece) - maxX(before) <= 3 * size) segments.at(-1)!.push(piece);
    else segments.push([piece]);
  });
  return rightToLeft ? segments.reverse() : segments;
}

/** What a piece is to the bidirectional algorithm: right-to-left text (reversed), left-to-right letters, a number, or neutral. */
function kindOf(piece: Piece): 'R' | 'L' | 'EN' | undefined {
  const text = pieceText(piece);
  if (piece.reversed || rightToLeftLetter.test(text)) return 'R';
  return /\p{L}/u.test(text) ? 'L' : /\p{N}/u.test(text) ? 'EN' : undefined;
}

/** The text of a piece, as its fonts' `/ToUnicode` maps give it, in the order it is drawn. */
export function pieceText(piece: Piece): string {
  return piece.shows
    .map(({ code, font }) => {
      let text = '';
      for (let i = 0; font && i < code.length; i += font.bytes) text += font.unicode.get(code.slice(i, i + font.bytes)) ?? '';
      return text;
    })
    .join('');
}

/**
 * The reading order of a stretch of a line's pieces, given left to right:
 * Unicode's bidirectional algorithm undone. Each piece gets the embedding level
 * the algorithm gave it (a number beside left-to-right letters is theirs, W7;
 * else it is a number in right-to-left text, level 2, and acts as right to left
 * on the neutrals around it, N1; a neutral between two of one direction takes it,
 * else the paragraph's, N2), and the reversals of L2 are made again in the
 * opposite order (each undoes itself): from level 1 up, every stretch at that
 * level or above is reversed.
 */
function inverseBidi(visual: readonly Piece[], rightToLeft: boolean): Piece[] {
  type Kind = ReturnType<typeof kindOf>;
  /** The direction `of` gives the nearest piece of `kinds` from `from` in `step`'s way that it gives one. */
  const nearest = (kinds: readonly Kind[], from: number, step: number, of: (kind: Kind) => 'L' | 'R' | undefined) => {
    for (let i = from + step; i >= 0 && i < kinds.length; i += step) {
      const found = of(kinds[i]);
      if (found) return found;
    }
    return undefined;
  };
  const kinds = visual.map(kindOf);
  const letter = (kind: Kind) => (kind === 'L' || kind === 'R' ? kind : undefined);
  const resolved = kinds.map((kind, i) => (kind === 'EN' && (nearest(kinds, i, -1, letter) === 'L' || nearest(kinds, i, 1, letter) === 'L') ? 'L' : kind));
  // (On the neutrals around it a number acts as right to left.)
  const side = (kind: Kind) => (kind === undefined ? undefined : kind === 'L' ? 'L' : 'R');
  const levels = resolved.map((kind, i) => {
    if (kind === 'EN') return 2;
    const before = nearest(resolved, i, -1, side);
    const direction = kind ?? (before !== undefined && before === nearest(resolved, i, 1, side) ? before : rightToLeft ? 'R' : 'L');
    return direction === 'R' ? 1 : rightToLeft ? 2 : 0;
  });
  const order = visual.map((piece, i) => ({ piece, level: levels[i]! }));
  for (let level = 1; level <= 2; level++) {
    for (let start = 0; start < order.length; start++) {
      if (order[start]!.level < level) continue;
      let end = start;
      while (end + 1 < order.length && order[end + 1]!.level >= level) end++;
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return order.map((entry) => entry.piece);
}
