import { rightToLeftLetter } from '../../shared/language.js';
import { type Matrix, type Paragraphs, type Piece, pieceText, readingOrder } from './bidi-order.js';
import { applyEdits, lastStringOperand, operations, TEXT_SHOWING } from './content-stream.js';
import type { FontCodes } from './font-codes.js';

/** What `readRightToLeft` made of a page's content stream. */
export interface RightToLeftText {
  /** The content stream, with spaces where right-to-left lines wrap; `undefined` if none was added. */
  text: string | undefined;
  /** Each line of an element's text that was not in reading order: its marked content (MCIDs), in the order it is read. */
  lines: number[][];
}

const hex = (bytes: string) => `<${Buffer.from(bytes, 'latin1').toString('hex')}>`;

/**
 * Chromium draws right-to-left text in visual order, marked `/ReversedChars` (a
 * reader reverses the characters of such a sequence: ISO 32000-1, 14.8.2.3.3), and
 * tags the pieces of a line in the order it draws them: a reader that follows the
 * tags read a right-to-left line's words last to first. Here the pieces (tagged
 * sequences) of each line of each element that holds right-to-left text are put in
 * reading order (`lines`, for the element's `/K`): Unicode's bidirectional
 * algorithm undone for the paragraph and the runs in it, so that left-to-right
 * words or numbers in a right-to-left line keep their own order. A wrapped line of
 * a right-to-left paragraph gets a space at its end in reading order, as
 * `addLineEndSpaces` gives other lines: drawn first in a reversed piece (read last),
 * the glyph after it placed again where it was. A piece of right-to-left letters
 * Chromium drew in visual order without the mark (runs of one glyph each, a letter
 * and a space in two fonts) is marked reversed. The glyphs stay as Chromium drew
 * them, for the pages' text as viewers read it. `undefined` when the page has no
 * right-to-left text.
 */
export function readRightToLeft(text: string, fontOf: (name: string) => FontCodes | undefined, paragraphs: Paragraphs): RightToLeftText | undefined {
  if (!text.includes('/ReversedChars')) return undefined;
  const pieces: Piece[] = [];
  const stack: Array<{ piece?: Piece; reversed?: boolean; opened?: number }> = [];
  /** Where each piece's content starts (after its BDC) and ends (at its EMC). */
  const bounds = new Map<Piece, [number, number]>();
  let font: FontCodes | undefined;
  let size = 0;
  let setIn = '';
  /** The last font with a space, set as `Tf` sets it, and its space's code (a right-to-left font may have none: Chromium sets spaces in another). */
  let spaceFont: { setIn: string; code: string } | undefined;
  let line: Matrix = [1, 0, 0, 1, 0, 0];
  /** Whether a move placed the next text (else it follows the text before). */
  let placed = true;
  for (const { operator, start, end } of operations(text)) {
    const operands = () => text.slice(start, end - operator.length).trim();
    if (operator === 'BDC' || operator === 'BMC') {
      const properties = operands();
      const mcid = /\/MCID\s+(\d+)/.exec(properties)?.[1];
      if (/^\/ReversedChars\b/.test(properties)) stack.push({ reversed: true });
      else if (mcid === undefined) stack.push({});
      else {
        const piece: Piece = { mcid: Number(mcid), shows: [], reversed: false };
        pieces.push(piece);
        stack.push({ piece, opened: end });
      }
    } else if (operator === 'EMC') {
      const entry = stack.pop();
      if (entry?.piece && entry.opened !== undefined) bounds.set(entry.piece, [entry.opened, start]);
    } else if (operator === 'BT') {
      line = [1, 0, 0, 1, 0, 0];
      placed = true;
    } else if (operator === 'Tf') {
      const [name, value] = operands().split(/\s+/);
      font = name?.startsWith('/') ? fontOf(name.slice(1)) : undefined;
      size = Math.abs(Number(value)) || 0;
      setIn = operands();
      if (font?.space) spaceFont = { setIn, code: font.space };
    } else if (operator === 'Tm' || operator === 'Td' || operator === 'TD') {
      const values = operands().split(/\s+/).map(Number);
      if (operator === 'Tm' && values.length === 6 && values.every(Number.isFinite)) line = values as Matrix;
      else if (operator !== 'Tm' && values.length === 2 && values.every(Number.isFinite)) {
        const [tx, ty] = values as [number, number];
        line = [line[0], line[1], line[2], line[3], line[4] + tx * line[0] + ty * line[2], line[5] + tx * line[1] + ty * line[3]];
      }
      placed = true;
    } else if (operator === 'T*') {
      placed = false;
    } else if (TEXT_SHOWING.has(operator)) {
      const piece = stack.findLast((entry) => entry.piece)?.piece;
      if (piece) {
        const code = lastStringOperand(operands()) ?? '';
        piece.shows.push({ code, font, line: [...line] as Matrix, size: size * Math.abs(line[3] || 1), start, end, placed, setIn, operator });
        if (stack.some((entry) => entry.reversed)) piece.reversed = true;
      }
      placed = false;
    }
  }
  const edits: Array<[number, number, string]> = [];
  // Right-to-left text Chromium drew in visual order without the mark, as runs of one glyph each (a
  // letter and a space in two fonts): marked reversed, for readers to read it in order.
  for (const piece of pieces) {
    const [open, close] = bounds.get(piece) ?? [];
    const text = pieceText(piece);
    if (piece.reversed || open === undefined || close === undefined || [...text].length < 2) continue;
    // (Only right-to-left letters and what is neutral: a number, Arabic-Indic digits too, or a Latin letter keeps its own order.)
    const leftToRight = [...text].some((character) => /\p{N}/u.test(character) || (/\p{L}/u.test(character) && !rightToLeftLetter.test(character)));
    if (!rightToLeftLetter.test(text) || leftToRight) continue;
    edits.push([open, open, '\n/ReversedChars BMC\n'], [close, close, '\nEMC\n']);
    piece.reversed = true;
  }
  const lines = readingOrder(pieces, paragraphs, (piece) => {
    const first = piece.shows[0]!;
    const last = piece.shows.at(-1)!;
    const at = piece.reversed ? first : last;
    // In its own font, or in the last one with a space (then the font set again).
    const own = at.font?.space;
    if (!own && !spaceFont) return;
    const space = own ? `${hex(own)} Tj` : `${spaceFont!.setIn} Tf ${hex(spaceFont!.code)} Tj ${at.setIn} Tf`;
    // Read last in a reversed piece: drawn first, and its first glyph placed again (only where a move placed it).
    if (piece.reversed && first.placed && first.operator === 'Tj') edits.push([first.start, first.start, `${space}\n${first.line.map(String).join(' ')} Tm\n`]);
    else if (!piece.reversed) edits.push([last.end, last.end, `\n${space}`]);
  });
  if (edits.length === 0 && lines.length === 0) return undefined;
  return {
    text:
      edits.length === 0
        ? undefined
        : applyEdits(
            text,
            edits.sort((a, b) => a[0] - b[0]),
          ),
    lines,
  };
}
