/** One operation of a content stream: its operator, and where it starts (its first operand) and ends. */
export interface Operation {
  operator: string;
  /** Offset of its first operand, or of the operator when it has none. */
  start: number;
  /** Offset just after the operator (for an inline image, after its `EI`). */
  end: number;
}

/** The operators that show text (ISO 32000-1, 9.4.3). */
export const TEXT_SHOWING: ReadonlySet<string> = new Set(['Tj', 'TJ', "'", '"']);

/** Character classes of PDF's syntax (ISO 32000-1, 7.2.2), by Latin-1 code: 1 white space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const OPERANDS = new Set(['true', 'false', 'null']);
/** A token that starts with one of these (digits, sign, point) is a number. */
const isNumberStart = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;

/**
 * The operations of a PDF content stream (ISO 32000-1, 7.8.2), read from its
 * bytes as Latin-1 text (one character a byte): strings with their escapes and
 * nesting, hex strings, names, numbers, arrays and dictionaries as operands,
 * comments skipped, and inline images (`BI … ID <data> EI`) as one operation.
 * Only the operators are cut out of the text (a page holds tens of thousands of
 * operands).
 */
export function operations(text: string): Operation[] {
  const ops: Operation[] = [];
  const length = text.length;
  const code = (at: number) => text.charCodeAt(at) & 0xff;
  let i = 0;
  let start = -1;
  while (i < length) {
    const c = code(i);
    const kind = CLASS[c];
    if (kind === 1) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // % comment, to the end of the line
      while (i < length && code(i) !== 0x0a && code(i) !== 0x0d) i++;
      continue;
    }
    if (start === -1) start = i;
    if (c === 0x28) {
      // ( literal string ), balanced parentheses, backslash escapes
      let depth = 0;
      for (; i < length; i++) {
        const d = code(i);
        if (d === 0x5c) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      i++;
      continue;
    }
    if (c === 0x3c) {
      // << of a dictionary, or a <hex string>
      if (code(i + 1) === 0x3c) i += 2;
      else {
        const end = text.indexOf('>', i);
        i = end === -1 ? length : end + 1;
      }
      continue;
    }
    if (kind === 2 && c !== 0x2f) {
      // >> [ ] { } or a stray )
      i += c === 0x3e && code(i + 1) === 0x3e ? 2 : 1;
      continue;
    }
    const from = i;
    i++;
    while (i < length && CLASS[code(i)] === 0) i++;
    // Names and numbers are operands; so are true, false and null.
    if (c === 0x2f || isNumberStart(c)) continue;
    const token = text.slice(from, i);
    if (OPERANDS.has(token)) continue;
    if (token === 'BI') {
      // An inline image: its dictionary up to ID, then binary data up to EI between white space.
      const data = text.indexOf('ID', i);
      let end = data === -1 ? length : data + 3;
      while (end < length && !(CLASS[code(end - 1)] === 1 && text.startsWith('EI', end) && (end + 2 >= length || CLASS[code(end + 2)] === 1))) end++;
      i = Math.min(length, end + 2);
      ops.push({ operator: 'EI', start, end: i });
    } else {
      ops.push({ operator: token, start, end: i });
    }
    start = -1;
  }
  return ops;
}

/**
 * The numbers among the operands between `start` and `end` (an operation's
 * operands), read in place: a page's text is placed by tens of thousands of
 * moves, and splitting each one's operands took a tenth of the time to mark a
 * page's artifacts. Whatever is not a number (a name, a string) is `NaN`.
 */
export function numberOperands(text: string, start: number, end: number): number[] {
  const values: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && CLASS[text.charCodeAt(i) & 0xff] === 1) i++;
    if (i >= end) break;
    const from = i;
    while (i < end && CLASS[text.charCodeAt(i) & 0xff] !== 1) i++;
    values.push(Number(text.slice(from, i)));
  }
  return values;
}

/**
 * What `lastStringOperand` gives for the operands between `start` and `end`, but
 * only its last `bytes` bytes (the last glyph's code), and its length in bytes.
 * A hex string (the one kind Chromium writes) is read from its end, without
 * decoding the rest; any other is read whole.
 */
export function lastShown(text: string, start: number, end: number, bytes: number): { last: string; length: number } | undefined {
  let close = end - 1;
  // After the last string of a TJ's array, only numbers, white space and the array's end.
  while (close >= start && text[close] !== '>' && text[close] !== ')') close--;
  const open = close < start || text[close] === ')' ? -1 : text.lastIndexOf('<', close);
  if (open < start) {
    const shown = lastStringOperand(text.slice(start, end));
    return shown === undefined ? undefined : { last: shown.slice(-bytes), length: shown.length };
  }
  let hex = text.slice(open + 1, close);
  if (/\s/.test(hex)) hex = hex.replace(/\s+/g, '');
  const length = Math.ceil(hex.length / 2);
  return { last: hexBytes(hex, Math.max(0, length - bytes) * 2), length };
}

/** The bytes (Latin-1) of hex digits `hex` from digit `from` on; an odd last digit is followed by a 0. */
function hexBytes(hex: string, from = 0): string {
  let bytes = '';
  for (let i = from; i < hex.length; i += 2) bytes += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  return bytes;
}

/** The codes a text-showing operation's operands (from `start` to `end`) draw, as Latin-1 bytes: one hex string read in place (Chromium writes nothing else), any other operands in full. */
export function shownBytes(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && text.charCodeAt(i) <= 0x20) i++;
  const close = text.indexOf('>', i);
  const hex = text[i] === '<' && close > i && close < end && text.slice(close + 1, end).trim() === '' ? text.slice(i + 1, close) : undefined;
  if (hex === undefined || hex.length % 2 === 1 || !/^[0-9a-f]*$/i.test(hex)) return stringOperands(text.slice(start, end)).join('');
  return hexBytes(hex);
}

/** The last string a text-showing operator's operands hold (Latin-1 bytes), escapes read. */
export function lastStringOperand(operands: string): string | undefined {
  return stringOperands(operands).at(-1);
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** The strings a text-showing operator's operands hold (Latin-1 bytes), escapes read, in order. */
export function stringOperands(operands: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < operands.length; i++) {
    const c = operands[i];
    if (c === '<') {
      const close = operands.indexOf('>', i);
      if (close < 0) break;
      const hex = operands.slice(i + 1, close).replace(/\s+/g, '');
      found.push(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'));
      i = close;
    } else if (c === '(') {
      let depth = 0;
      let value = '';
      for (i++; i < operands.length; i++) {
        const d = operands[i]!;
        if (d === '\\') {
          const e = operands[++i] ?? '';
          if (/[0-7]/.test(e)) {
            const octal = /^[0-7]{1,3}/.exec(operands.slice(i))![0];
            value += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
            i += octal.length - 1;
          } else if (e === '\n' || e === '\r') {
            if (e === '\r' && operands[i + 1] === '\n') i++;
          } else value += ESCAPES[e] ?? e;
        } else if (d === '(') {
          depth++;
          value += d;
        } else if (d === ')') {
          if (depth === 0) break;
          depth--;
          value += d;
        } else value += d;
      }
      found.push(value);
    }
  }
  return found;
}

/**
 * The text with each edit made: `[at, end, what]` puts `what` in the place of
 * `text.slice(at, end)` (an insertion where `end` is `at`). The edits are in
 * order and do not overlap.
 */
export function applyEdits(text: string, edits: ReadonlyArray<readonly [at: number, end: number, what: string]>): string {
  let out = '';
  let from = 0;
  for (const [at, end, what] of edits) {
    out += text.slice(from, at) + what;
    from = end;
  }
  return out + text.slice(from);
}
