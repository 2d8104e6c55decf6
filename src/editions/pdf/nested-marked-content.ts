import { operations } from './content-stream.js';

/** Operators that build a path (the path object starts with the first of them). */
const PATH_BUILDING = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint: text, pictures, forms, shadings, and paths. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Operators that open or close a graphics state or a text object: a sequence of ours never crosses them. */
const NESTING = new Set(['q', 'Q', 'BT', 'ET']);

/** A page's content stream with its tagged content made flat, and the marked content each tagged sequence became. */
export interface SeparatedContent {
  text: string;
  /** For each tagged sequence that held other marked content: the MCIDs it became, in the order of the content (its own first). */
  split: Map<number, number[]>;
}

/**
 * Chromium marks text whose glyphs cannot say which characters they are (a glyph
 * shared by `’` and `ʼ`, or by a space and a no-break space; Arabic ligatures; the
 * small capitals it makes up) as a `/Span <</ActualText …>>` sequence inside the
 * tagged content, and right-to-left runs as `/ReversedChars`. That is valid PDF,
 * but Poppler (the PDF engine of Linux's viewers and of `pdfinfo -struct-text`)
 * takes the end of such an inner sequence for the end of the tagged content: it
 * dropped the rest of the paragraph (half the text of a French book, four fifths
 * of an Arabic one).
 *
 * Here each tagged sequence (with an MCID) that holds other marked content is cut
 * into several, each a sequence of its own with an MCID: the content before an
 * inner sequence, the inner sequence (kept whole, inside a tagged sequence of its
 * own: nothing follows it there; one that holds others in turn stays outside the
 * tags, its content tagged in pieces likewise), the content after it. The new sequences take
 * MCIDs from `nextMcid` on (or after the highest on the page) and the outer sequence's tag and properties; an inner artifact is
 * left outside tagged content. Cuts fall only where marked content may start or
 * end: never across a text object or graphics state (ISO 32000-1, 14.6), and a
 * path is tagged from its first operator to its painting. Returns `undefined`
 * when no tagged sequence holds another.
 */
export function separateNestedContent(text: string, nextMcid: number): SeparatedContent | undefined {
  const ops = operations(text);
  let out = '';
  let from = 0;
  const split = new Map<number, number[]>();
  let next = nextMcid;
  for (const match of text.matchAll(/\/MCID\s+(\d+)/g)) next = Math.max(next, Number(match[1]) + 1);
  /** The tagged sequence being cut (its tag, MCID, the MCIDs it became), and how deep inside it we are. */
  let outer: { operands: string; mcid: number; ids: number[]; open: boolean; pathStart: number; containers: number } | undefined;
  const emit = (upTo: number, insert = '') => {
    out += text.slice(from, upTo) + insert;
    from = upTo;
  };
  const open = (cut: NonNullable<typeof outer>, at: number) => {
    const mcid = cut.ids.length === 0 ? cut.mcid : next++;
    cut.ids.push(mcid);
    emit(at, `${cut.operands.replace(/\/MCID\s+\d+/, `/MCID ${mcid}`)} BDC\n`);
  };
  const close = (cut: NonNullable<typeof outer>, at: number) => {
    if (!cut.open) return;
    emit(at, '\nEMC\n');
    cut.open = false;
  };
  for (let i = 0; i < ops.length; i++) {
    const { operator, start, end } = ops[i]!;
    if (!outer) {
      if (operator !== 'BDC') continue;
      const operands = text.slice(start, end);
      const mcid = /\/MCID\s+(\d+)/.exec(operands)?.[1];
      if (mcid === undefined || !holdsNested(ops, i)) continue;
      // The outer sequence's own BDC goes; its content is tagged in pieces.
      emit(start);
      from = end;
      outer = { operands: text.slice(start, end - operator.length).trimEnd(), mcid: Number(mcid), ids: [], open: false, pathStart: -1, containers: 0 };
      continue;
    }
    const cut = outer;
    if (operator === 'BDC' || operator === 'BMC') {
      close(cut, start);
      cut.pathStart = -1;
      if (holdsNested(ops, i)) {
        // An inner sequence that holds others (right-to-left text with its ligatures'
        // ActualText): it stays outside the tags, and its content is tagged in pieces.
        cut.containers++;
        continue;
      }
      // An inner sequence: whole, tagged on its own (or, an artifact, outside the tags).
      const closing = matchingEnd(ops, i);
      const artifact = /^\/Artifact\b/.test(text.slice(start, end));
      if (!artifact) open(cut, start);
      emit(ops[closing]!.end, artifact ? '' : '\nEMC\n');
      i = closing;
      continue;
    }
    if (operator === 'EMC' && cut.containers > 0) {
      close(cut, start);
      cut.containers--;
      continue;
    }
    if (operator === 'EMC') {
      close(cut, start);
      // The outer sequence's own EMC goes with its BDC.
      emit(start);
      from = end;
      // (Its own MCID alone: nothing changes for its element. None: it tagged nothing.)
      if (cut.ids.length !== 1) split.set(cut.mcid, cut.ids);
      outer = undefined;
      continue;
    }
    if (NESTING.has(operator)) {
      close(cut, start);
      cut.pathStart = -1;
    } else if (PATH_BUILDING.has(operator)) {
      if (cut.pathStart === -1) cut.pathStart = start;
    } else if (operator === 'n') {
      cut.pathStart = -1;
    } else if (PAINTING.has(operator)) {
      if (!cut.open) {
        open(cut, cut.pathStart === -1 ? start : cut.pathStart);
        cut.open = true;
      }
      cut.pathStart = -1;
    }
  }
  if (from === 0) return undefined;
  emit(text.length);
  return { text: out, split };
}

/** Whether the sequence that operation `at` begins holds another marked-content sequence. */
function holdsNested(ops: ReturnType<typeof operations>, at: number): boolean {
  for (let i = at + 1; i < ops.length; i++) {
    const { operator } = ops[i]!;
    if (operator === 'BDC' || operator === 'BMC') return true;
    if (operator === 'EMC') return false;
  }
  return false;
}

/** The index of the EMC that ends the sequence operation `at` begins (the last operation if it is never ended). */
function matchingEnd(ops: ReturnType<typeof operations>, at: number): number {
  let depth = 0;
  for (let i = at; i < ops.length; i++) {
    const { operator } = ops[i]!;
    if (operator === 'BDC' || operator === 'BMC') depth++;
    else if (operator === 'EMC' && --depth === 0) return i;
  }
  return ops.length - 1;
}
