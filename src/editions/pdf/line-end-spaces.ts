import { applyEdits, lastStringOperand, operations } from './content-stream.js';
import type { FontCodes } from './font-codes.js';

/** Which structure element owns each tagged sequence of a page, as far as the spaces need to know. */
export interface TextElements {
  /** Whether marked content `a` and `b` belong to one element. */
  same(a: number, b: number): boolean;
  /** Whether the element marked content `mcid` belongs to goes on on another page. */
  continues(mcid: number): boolean;
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
 * sequence (an ActualText span) are left as they are. Returns the new stream, or
 * `undefined` when nothing was added.
 */
export function addLineEndSpaces(text: string, fontOf: (name: string) => FontCodes | undefined, elements?: TextElements): string | undefined {
  interface Segment {
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
  }
  const segments: Segment[] = [];
  const stack: Array<{ tagged: boolean; reversed: boolean; mcid: number }> = [];
  let font: FontCodes | undefined;
  let size = 0;
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
        stack.push({ tagged: mcid !== undefined, reversed: /^\/ReversedChars\b/.test(ops), mcid: Number(mcid ?? -1) });
        break;
      }
      case 'EMC':
        stack.pop();
        break;
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
        const [name, value] = operands().split(/\s+/);
        font = name?.startsWith('/') ? fontOf(name.slice(1)) : undefined;
        size = Math.abs(Number(value)) || 0;
        break;
      }
      case 'Tm': {
        const m = operands().split(/\s+/).map(Number);
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
        const [tx, ty] = operands().split(/\s+/).map(Number);
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
        const shown = lastStringOperand(operands());
        const last = shown === undefined || !font ? '' : shown.slice(-font.bytes);
        if (!current) {
          current = { y: lineY, startX: x, lastX: x, size: size * Math.abs(scaleY || 1), font, last, at: end, tagged, mcid: inner?.mcid ?? -1 };
          segments.push(current);
        } else {
          current.lastX = x;
          current.font = font;
          current.last = last || current.last;
          current.at = end;
          current.tagged = tagged;
          current.mcid = inner?.mcid ?? -1;
          current.size = Math.max(current.size, size * Math.abs(scaleY || 1));
        }
        break;
      }
    }
  }
  const inserts: Array<[at: number, end: number, what: string]> = [];
  // From the last segment back, each with the next tagged one after it.
  let next: Segment | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    const after = next;
    if (segment.tagged) next = segment;
    const { font } = segment;
    if (!segment.tagged || !font?.space || font.breaks.has(segment.last)) continue;
    // Only inside one element's text: not after a heading's, a cell's or a paragraph's last line
    // (the last on the page, only where the element goes on on another page).
    if (elements && (after ? !elements.same(segment.mcid, after.mcid) : !elements.continues(segment.mcid))) continue;
    // The same baseline (within a raised call's shift), and near: the line goes on. (Far along
    // it, past a gap of leaders or to the next cell of a row, it is another word.)
    const size = Math.max(segment.size, after?.size ?? 0);
    if (after && Math.abs(after.y - segment.y) < 0.6 * size && Math.abs(after.startX - segment.lastX) < 3 * size) continue;
    inserts.push([segment.at, segment.at, `\n${hexString(font.space)} Tj`]);
  }
  if (inserts.length === 0) return undefined;
  return applyEdits(text, inserts.reverse());
}

const hexString = (bytes: string) => `<${Buffer.from(bytes, 'latin1').toString('hex')}>`;
