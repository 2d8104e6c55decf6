import type { BookWords } from './book-words.js';
import { applyEdits, lastShown, numberOperands, operations, shownBytes } from './content-stream.js';
import { findDrawnHyphens, lineWords, readWords, sameLine, type Segment, type SpaceFont, wordsAcross } from './text-lines.js';
import type { FontCodes } from './font-codes.js';

/** Which structure element owns each tagged sequence of a page, as far as the spaces need to know. */
export interface TextElements {
  /** Whether marked content `a` and `b` belong to one element. */
  same(a: number, b: number): boolean;
  /** Whether the element marked content `mcid` belongs to goes on on another page. */
  continues(mcid: number): boolean;
  /** Whether marked content `mcid` is a note's, drawn at the page's foot after the text. */
  note(mcid: number): boolean;
}

/**
 * Chromium leaves out the space where a line wraps (it draws none), so text read
 * through the tags runs the last word of a line into the first of the next
 * ("kilolima": Poppler's `pdfinfo -struct-text`, and the screen readers that use
 * it). At the end of each line of tagged text that does not end a word already
 * (a space, a hyphen or dash), a space is drawn (it paints nothing, and moves
 * nothing that follows: the next line is placed from its own start). A line is
 * the text shown between two moves to another baseline (`Tm`, `Td` with a
 * vertical move, `T*`, `'`, `"`); one followed closely on the same baseline (an
 * emphasised word set in another font, a note's call) is not a line's end, one
 * followed far along it (past the contents' leaders, in the next cell of a row) is. Right-to-left
 * text (`/ReversedChars`, drawn in visual order) and text inside another marked
 * sequence (an ActualText span) are left as they are.
 *
 * The hyphen Chromium draws where it breaks a word at a line's end (a tagged
 * sequence of its own that holds that one glyph, on the baseline of the word's
 * first part, the text going on on the next line) is not the word's: it is made an
 * artifact (ISO 32000-1, 14.8.2.2: text the layout adds), and the word's halves
 * read as one ("revolt", where the tags read "re-volt"). Its MCID is listed in
 * `hyphens`, for its element to let go of it.
 *
 * With `words`, a line that ends inside a word of the book too long for its line
 * (broken where no hyphen is drawn: a long web address in a narrow column) gets no
 * space either: its last letters and the next line's first are read as one word.
 * Returns the new stream, or `undefined` when nothing was changed.
 */
export function addLineEndSpaces(
  text: string,
  fontOf: (name: string) => FontCodes | undefined,
  elements?: TextElements,
  words?: BookWords,
): { text: string; hyphens: number[] } | undefined {
  interface Sequence {
    tagged: boolean;
    reversed: boolean;
    mcid: number;
    start: number;
    end: number;
    /** Text operators shown inside it; the segment and the code of the last, if it showed one code with `Tj`. */
    shows: number;
    segment?: Segment;
    single?: string | undefined;
  }
  const segments: Segment[] = [];
  const stack: Sequence[] = [];
  let font: FontCodes | undefined;
  let size = 0;
  /** The font as `Tf` set it; the last font set with a space (a subset of Cyrillic or Greek may have none), and the page's first. */
  let setIn = '';
  let spaceFont: SpaceFont | undefined;
  let firstSpaceFont: SpaceFont | undefined;
  // The text line matrix's vertical parts: y, and how a move's ty scales into it.
  let lineY = 0;
  let scaleY = 1;
  let shearY = 0;
  // The horizontal parts: where the current line starts, and where the next text shown starts.
  let lineX = 0;
  let x = 0;
  let scaleX = 1;
  let current: Segment | undefined;
  const newLine = () => {
    current = undefined;
  };
  for (const { operator, start, end } of operations(text)) {
    const operands = () => text.slice(start, end - operator.length).trim();
    switch (operator) {
      case 'BDC':
      case 'BMC': {
        const ops = operands();
        const mcid = /\/MCID\s+(\d+)/.exec(ops)?.[1];
        stack.push({ tagged: mcid !== undefined, reversed: /^\/ReversedChars\b/.test(ops), mcid: Number(mcid ?? -1), start, end, shows: 0 });
        break;
      }
      case 'EMC': {
        const sequence = stack.pop();
        const { segment, single } = sequence ?? {};
        if (sequence?.tagged && stack.length === 0 && sequence.shows === 1 && segment && single !== undefined && segment.font?.hyphens.has(single)) {
          segment.hyphen = { start: sequence.start, end: sequence.end, mcid: sequence.mcid };
        }
        break;
      }
      case 'BT':
        lineY = 0;
        scaleY = 1;
        shearY = 0;
        lineX = 0;
        x = 0;
        scaleX = 1;
        newLine();
        break;
      case 'Tf': {
        setIn = operands();
        const [name, value] = setIn.split(/\s+/);
        font = name?.startsWith('/') ? fontOf(name.slice(1)) : undefined;
        size = Math.abs(Number(value)) || 0;
        if (font?.space) {
          spaceFont = { setIn, code: font.space };
          firstSpaceFont ??= spaceFont;
        }
        break;
      }
      case 'Tm': {
        const m = numberOperands(text, start, end - operator.length);
        if (m.length === 6 && m.every(Number.isFinite)) {
          scaleX = m[0]!;
          shearY = m[1]!;
          scaleY = m[3]!;
          lineY = m[5]!;
          lineX = m[4]!;
          x = lineX;
        }
        newLine();
        break;
      }
      case 'Td':
      case 'TD': {
        const [tx, ty] = numberOperands(text, start, end - operator.length);
        if (ty !== undefined && Number.isFinite(ty) && tx !== undefined && Number.isFinite(tx)) {
          const dy = tx * shearY + ty * scaleY;
          lineX += tx * scaleX;
          x = lineX;
          if (Math.abs(dy) > 0.01) {
            lineY += dy;
            newLine();
          }
        }
        break;
      }
      case 'T*':
        // (Moves by the leading: a line of its own, whatever its height.)
        lineY += 1e6;
        newLine();
        break;
      case "'":
      case '"':
      case 'Tj':
      case 'TJ': {
        if (operator === "'" || operator === '"') {
          lineY += 1e6;
          newLine();
        }
        const inner = stack.at(-1);
        const tagged = inner?.tagged === true && !stack.some((sequence) => sequence.reversed);
        const shown = font ? lastShown(text, start, end - operator.length, font.bytes) : undefined;
        const last = shown?.last ?? '';
        if (!current) {
          current = {
            y: lineY,
            startX: x,
            lastX: x,
            size: size * Math.abs(scaleY || 1),
            font,
            last,
            at: end,
            tagged,
            mcid: inner?.mcid ?? -1,
            shows: 0,
            words: lineWords(),
            setIn,
            spaceFont,
          };
          segments.push(current);
        } else {
          current.lastX = x;
          current.font = font;
          current.last = last || current.last;
          current.at = end;
          current.tagged = tagged;
          current.mcid = inner?.mcid ?? -1;
          current.size = Math.max(current.size, size * Math.abs(scaleY || 1));
          current.setIn = setIn;
          current.spaceFont = spaceFont;
        }
        current.shows++;
        if (words && font) readWords(current.words, font, shownBytes(text, start, end - operator.length));
        if (inner) {
          inner.shows++;
          inner.segment = current;
          inner.single = operator === 'Tj' && font && shown?.length === font.bytes ? shown.last : undefined;
        }
        break;
      }
    }
  }
  const edits: Array<[at: number, end: number, what: string]> = [];
  const hyphens: number[] = [];
  /** Where `b` goes on with `a`'s element (on its line, or the next), as far as the spaces need to know. */
  const sameElement = (a: Segment, b: Segment) => !elements || elements.same(a.mcid, b.mcid);
  const { drawnHyphens, brokenBefore } = findDrawnHyphens(segments, elements?.continues);
  for (const segment of drawnHyphens) {
    edits.push([segment.hyphen!.start, segment.hyphen!.end, '/Artifact BMC']);
    hyphens.push(segment.hyphen!.mcid);
  }
  const pieces = words ? wordsAcross(segments, sameElement, drawnHyphens, words.has) : undefined;
  // What follows each line: the next tagged line, and for the text the next that is not a note's
  // (the notes at the page's foot are drawn after the text: a paragraph that goes on on the next
  // page ends the page's text, not its last line before them).
  let next: Segment | undefined;
  let nextInText: Segment | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (drawnHyphens.has(segment)) continue;
    const inNote = segment.tagged && elements?.note(segment.mcid) === true;
    const after = inNote ? next : nextInText;
    if (segment.tagged) next = segment;
    if (segment.tagged && !inNote) nextInText = segment;
    const { font } = segment;
    if (brokenBefore.has(segment) || !segment.tagged || !font) continue;
    const line = pieces?.get(segment);
    // A line that ends a word already: with a space, or a hyphen, dash or slash — unless one that stands between spaces in the book ("word — another": its last word, which holds no space, is one).
    if (font.breaks.has(segment.last) && !(line && words?.has(line.tail.text))) continue;
    // Only inside one element's text: not after a heading's, a cell's or a paragraph's last line
    // (the last on the page, only where the element goes on on another page).
    if (elements && (after ? !elements.same(segment.mcid, after.mcid) : !elements.continues(segment.mcid))) continue;
    // The line goes on (far along it, past a gap of leaders or to the next cell of a row, it is another word).
    if (after && sameLine(segment, after)) continue;
    // A word too long for its line goes on on the next (on this page, or the next).
    if (line && words?.goOn(line.tail, after && pieces?.get(after)?.head)) continue;
    // In its own font, or in one of the page's with a space (then its own set again).
    const spaceFont = segment.spaceFont ?? firstSpaceFont;
    if (font.space) edits.push([segment.at, segment.at, `\n${hexString(font.space)} Tj`]);
    else if (spaceFont) edits.push([segment.at, segment.at, `\n${spaceFont.setIn} Tf ${hexString(spaceFont.code)} Tj ${segment.setIn} Tf`]);
  }
  if (edits.length === 0) return undefined;
  return {
    text: applyEdits(
      text,
      edits.sort((a, b) => a[0] - b[0]),
    ),
    hyphens,
  };
}

const hexString = (bytes: string) => `<${Buffer.from(bytes, 'latin1').toString('hex')}>`;
