import { deflateSync } from 'node:zlib';
import { type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { operations } from './content-stream.js';
import { contentRefs, contentText } from './pdf-trees.js';

/** Operators that build a path (the path object starts with the first of them). */
const PATH_BUILDING = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint the path built. */
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Other operators that put something on the page: text, images, forms, shadings. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI']);
/** Operators that open or close a graphics state or a text object: a sequence of ours never crosses them. */
const NESTING = new Set(['q', 'Q', 'BT', 'ET']);

/**
 * Mark what a page's content stream paints outside tagged content (a sequence
 * with an MCID) and outside artifacts as an artifact (`/Artifact BMC … EMC`), and
 * return the new stream's text (Latin-1), or `undefined` when there is nothing to
 * mark. Other marked content (Chromium's `/ReversedChars` around right-to-left
 * text) neither tags nor hides: what it holds is marked inside it. Each sequence
 * stays inside one graphics state, text object and marked-content sequence, and a
 * path is marked from its first operator to its painting, as marked content must
 * be (ISO 32000-1, 14.6).
 */
export function markArtifacts(text: string): string | undefined {
  const inserts: Array<[at: number, what: string]> = [];
  /** For each marked-content sequence open, whether it tags or hides what it holds. */
  const sequences: boolean[] = [];
  let covered = 0;
  let open = false;
  let pathStart = -1;
  const close = (at: number) => {
    if (open) inserts.push([at, '\nEMC\n']);
    open = false;
  };
  const openAt = (at: number) => {
    if (!open) inserts.push([at, '/Artifact BMC\n']);
    open = true;
  };
  for (const { operator, start, end } of operations(text)) {
    if (operator === 'BMC' || operator === 'BDC') {
      close(start);
      const operands = text.slice(start, end);
      const covers = /^\/Artifact\b/.test(operands) || (operator === 'BDC' && operands.includes('/MCID'));
      sequences.push(covers);
      if (covers) covered++;
    } else if (operator === 'EMC') {
      close(start);
      if (sequences.pop()) covered--;
    } else if (covered > 0) {
    } else if (NESTING.has(operator)) {
      close(start);
      pathStart = -1;
    } else if (PATH_BUILDING.has(operator)) {
      if (pathStart === -1) pathStart = start;
    } else if (operator === 'n') {
      pathStart = -1;
    } else if (PATH_PAINTING.has(operator)) {
      openAt(pathStart === -1 ? start : pathStart);
      pathStart = -1;
    } else if (PAINTING.has(operator)) {
      openAt(start);
    }
  }
  close(text.length);
  if (inserts.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const [at, what] of inserts) {
    out += text.slice(from, at) + what;
    from = at;
  }
  return out + text.slice(from);
}

/**
 * Make everything a tagged PDF's pages paint either tagged content or an
 * artifact: what Chromium leaves outside the structure is what Paged.js draws
 * around the text (running heads, folios in the page margins), the rows a table
 * repeats on each page, rules, borders and backgrounds. Each page's content
 * streams are read, marked (`markArtifacts`) and written back as one stream.
 */
export function markPageArtifacts(pdf: PDFDocument): void {
  const { context } = pdf;
  for (const page of pdf.getPages()) {
    const refs = contentRefs(page.node);
    const streams = refs.map((ref) => context.lookup(ref));
    if (refs.length === 0 || !streams.every((stream) => stream instanceof PDFRawStream)) continue;
    const marked = markArtifacts(contentText(streams as PDFRawStream[]));
    if (marked === undefined) continue;
    const [first, ...rest] = refs;
    // Node's zlib, not pdf-lib's (pako, in JavaScript: six times slower on a cold start,
    // a tenth of a second of the article's build). Its output depends on the zlib Node
    // is built with, as that of the streams Chromium writes does on Chromium's.
    context.assign(first!, context.stream(deflateSync(Buffer.from(marked, 'latin1')), { Filter: 'FlateDecode' }));
    for (const ref of rest) context.delete(ref);
    page.node.set(PDFName.of('Contents'), first!);
  }
}
