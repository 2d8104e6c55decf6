import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNull, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import type { BookWords } from './book-words.js';
import { applyEdits, operations } from './content-stream.js';
import { type FontCodes, pageFonts } from './font-codes.js';
import { addLineEndSpaces, type TextElements } from './line-end-spaces.js';
import { separateNestedContent } from './nested-marked-content.js';
import { type PageTexts, readPageTexts } from './page-texts.js';
import { detach, orderContent, sameContent } from './struct-moves.js';
import { readRightToLeft } from './right-to-left.js';
import { rightToLeftParagraph } from './bidi-order.js';
import { contentRefs, dictAt, kidsOf, languagesOf, numberTreeEntries, resolve, stringText } from './pdf-trees.js';

/** Operators that build a path (the path object starts with the first of them). */
const PATH_BUILDING = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint the path built. */
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Other operators that put something on the page: text, images, forms, shadings. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'EI']);
/** Operators that open or close a graphics state or a text object: a sequence of ours never crosses them. */
const NESTING = new Set(['q', 'Q', 'BT', 'ET']);

/**
 * Elements whose own marked content (not their children's) is decoration when it
 * paints neither text nor pictures: a grouping's background (the rule over a
 * page's notes), a table's and its cells' rules and shading. (Not a figure: an SVG
 * picture is paths.)
 */
const DECORATED = new Set(['NonStruct', 'Table', 'THead', 'TBody', 'TFoot', 'TR', 'TH', 'TD']);

/** Operators that paint text or pictures: a sequence that holds one is more than decoration. */
const CONTENT = new Set(['Tj', 'TJ', "'", '"', 'Do', 'EI']);

/** Marked content of grouping elements that only decorates: which, and what was made artifacts. */
export interface Decoration {
  /** Whether marked content `mcid` belongs to an element whose own content can only be decoration (`DECORATED`). */
  grouping(mcid: number): boolean;
  /** The marked content found only to decorate and made an artifact (filled in). */
  taken: number[];
  /** Set when tagged content (a sequence with an MCID) holds other marked content (see `separateNestedContent`). */
  nested?: boolean;
}

/**
 * Mark what a page's content stream paints outside tagged content (a sequence
 * with an MCID) and outside artifacts as an artifact (`/Artifact BMC … EMC`), and
 * return the new stream's text (Latin-1), or `undefined` when there is nothing to
 * mark. Other marked content (Chromium's `/ReversedChars` around right-to-left
 * text) neither tags nor hides: what it holds is marked inside it. Each sequence
 * stays inside one graphics state, text object and marked-content sequence, and a
 * path is marked from its first operator to its painting, as marked content must
 * be (ISO 32000-1, 14.6).
 *
 * With `decoration`, tagged content of a grouping or table element that paints
 * neither text nor pictures (the rule Paged.js's footnote area draws above the
 * notes, as its background; a table's rules) is made an artifact too: it is
 * listed in `decoration.taken`, for its element to let go of it.
 */
export function markArtifacts(text: string, decoration?: Decoration): string | undefined {
  const edits: Array<[at: number, end: number, what: string]> = [];
  /** For each marked-content sequence open: whether it tags or hides what it holds, and, if it may only decorate, its MCID and operator. */
  const sequences: Array<{ covers: boolean; tagged: boolean; grouping?: { mcid: number; start: number; end: number; content: boolean } }> = [];
  let tagged = 0;
  let covered = 0;
  let open = false;
  let pathStart = -1;
  const close = (at: number) => {
    if (open) edits.push([at, at, '\nEMC\n']);
    open = false;
  };
  const openAt = (at: number) => {
    if (!open) edits.push([at, at, '/Artifact BMC\n']);
    open = true;
  };
  for (const { operator, start, end } of operations(text)) {
    if (CONTENT.has(operator)) for (const sequence of sequences) if (sequence.grouping) sequence.grouping.content = true;
    if (operator === 'BMC' || operator === 'BDC') {
      close(start);
      const operands = text.slice(start, end);
      const mcid = operator === 'BDC' ? /\/MCID\s+(\d+)/.exec(operands)?.[1] : undefined;
      const covers = /^\/Artifact\b/.test(operands) || mcid !== undefined;
      const grouping = mcid !== undefined && decoration?.grouping(Number(mcid)) ? { mcid: Number(mcid), start, end, content: false } : undefined;
      if (tagged > 0 && decoration) decoration.nested = true;
      sequences.push(grouping ? { covers, tagged: mcid !== undefined, grouping } : { covers, tagged: mcid !== undefined });
      if (covers) covered++;
      if (mcid !== undefined) tagged++;
    } else if (operator === 'EMC') {
      close(start);
      const sequence = sequences.pop();
      if (sequence?.covers) covered--;
      if (sequence?.tagged) tagged--;
      if (sequence?.grouping && !sequence.grouping.content) {
        edits.push([sequence.grouping.start, sequence.grouping.end, '/Artifact BMC']);
        decoration?.taken.push(sequence.grouping.mcid);
      }
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
  if (edits.length === 0) return undefined;
  // In order; an insertion before a replacement at the same place (an EMC closing before a BDC).
  edits.sort((a, b) => a[0] - b[0] || a[1] - a[0] - (b[1] - b[0]));
  return applyEdits(text, edits);
}

/**
 * Make everything a tagged PDF's pages paint either tagged content or an
 * artifact: what Chromium leaves outside the structure is what Paged.js draws
 * around the text (running heads, folios in the page margins), the rows a table
 * repeats on each page, rules, borders and backgrounds. Each page's content
 * streams are read, marked (`markArtifacts`), their tagged content made flat
 * (`separateNestedContent`, the structure following), given spaces where lines wrap
 * (`addLineEndSpaces`; not inside one of the book's `words`), right-to-left text put in reading order (`readRightToLeft`,
 * its elements' `/K` following) and written back as one stream.
 */
export function markPageArtifacts(pdf: PDFDocument, words?: BookWords, texts: PageTexts = readPageTexts(pdf)): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  const parents = new Map(numberTreeEntries(context, root && dictAt(context, root, 'ParentTree')));
  const fonts = new Map<PDFObject, FontCodes | undefined>();
  const bookLanguage = stringText(pdf.catalog.get(PDFName.of('Lang'))) ?? '';
  for (const page of pdf.getPages()) {
    const refs = contentRefs(page.node);
    const read = texts.get(page.node);
    if (!read) continue;
    const key = page.node.get(PDFName.of('StructParents'));
    const owners = key instanceof PDFNumber ? resolve(context, parents.get(key.asNumber())) : undefined;
    const ownerOf = (mcid: number) => (owners instanceof PDFArray && mcid < owners.size() ? resolve(context, owners.get(mcid)) : undefined);
    const decoration: Decoration = {
      grouping: (mcid) => {
        const owner = ownerOf(mcid);
        const type = owner instanceof PDFDict ? owner.get(PDFName.of('S')) : undefined;
        return type instanceof PDFName && DECORATED.has(type.decodeText());
      },
      taken: [],
    };
    const original = read.text;
    const marked = markArtifacts(original, decoration);
    const separated = owners instanceof PDFArray && decoration.nested ? separateNestedContent(marked ?? original, owners.size()) : undefined;
    const elements: TextElements = {
      same: (a, b) => {
        const block = blockOf(context, ownerOf(a));
        return block !== undefined && block === blockOf(context, ownerOf(b));
      },
      // (A block Paged.js split across pages is marked so in its language: split-pieces.ts.)
      continues: (mcid) => {
        const block = blockOf(context, ownerOf(mcid));
        const lang = block instanceof PDFDict ? stringText(block.get(PDFName.of('Lang'))) : undefined;
        return lang !== undefined && /-gsplit-/i.test(lang);
      },
      // (A note at the page's foot is marked so in its language too: mark-split-pieces.ts.)
      note: (mcid) => languagesOf(context, ownerOf(mcid)).some((lang) => /-gnote-/i.test(lang)),
    };
    // (The parent tree first names the owners of the new sequences, for the spaces to know them.)
    for (const mcid of decoration.taken) replaceContent(context, owners, mcid, [], page.ref);
    for (const [mcid, ids] of separated?.split ?? []) replaceContent(context, owners, mcid, ids, page.ref);
    const fontOf = pageFonts(pdf, page.node.Resources(), fonts);
    const spaced = addLineEndSpaces(separated?.text ?? marked ?? original, fontOf, elements, words);
    for (const mcid of spaced?.hyphens ?? []) replaceContent(context, owners, mcid, [], page.ref);
    const rightToLeft = readRightToLeft(spaced?.text ?? separated?.text ?? marked ?? original, fontOf, {
      ownerOf,
      blockOf: (mcid) => blockOf(context, ownerOf(mcid)),
      rightToLeft: (mcid) => rightToLeftParagraph(languagesOf(context, ownerOf(mcid)), bookLanguage),
      continues: elements.continues,
    });
    for (const line of rightToLeft?.lines ?? []) orderContent(context, ownerOf(line[0]!), line, page.ref);
    if (!read.changed && marked === undefined && separated === undefined && spaced === undefined && rightToLeft === undefined) continue;
    const rewritten = rightToLeft?.text ?? spaced?.text ?? separated?.text ?? marked ?? original;
    const [first, ...rest] = refs;
    // Node's zlib, not pdf-lib's (pako, in JavaScript: six times slower on a cold start,
    // a tenth of a second of the article's build). Its output depends on the zlib Node
    // is built with, as that of the streams Chromium writes does on Chromium's.
    context.assign(first!, context.stream(deflateSync(Buffer.from(rewritten, 'latin1')), { Filter: 'FlateDecode' }));
    for (const ref of rest) context.delete(ref);
    page.node.set(PDFName.of('Contents'), first!);
  }
}

/**
 * Marked content `mcid` of `page` is now the sequences `ids` (none: it is gone): its
 * element (the parent tree's entry `owners[mcid]`) refers to them in its place, in
 * their order, and the parent tree names the element as the owner of each.
 */
function replaceContent(context: PDFDocument['context'], owners: PDFObject | undefined, mcid: number, ids: readonly number[], page: PDFRef): void {
  if (!(owners instanceof PDFArray) || mcid >= owners.size()) return;
  const ownerRef = owners.get(mcid);
  const owner = resolve(context, ownerRef);
  if (owner instanceof PDFDict) {
    const kids = kidsOf(owner).flatMap((kid) => {
      if (!sameContent(context, owner, kid, mcid, page)) return [kid];
      if (kid instanceof PDFNumber) return ids.map((id) => PDFNumber.of(id));
      return ids.map((id) => context.obj({ Type: 'MCR', Pg: page, MCID: id }));
    });
    owner.set(PDFName.of('K'), context.obj(kids));
    // (A run of text that held nothing else, a line-end hyphen's, goes.)
    if (kids.length === 0 && owner.get(PDFName.of('S')) === PDFName.of('NonStruct') && ownerRef instanceof PDFRef) detach(context, ownerRef);
  }
  owners.set(mcid, ids.includes(mcid) ? ownerRef : PDFNull);
  for (const id of ids) {
    if (id === mcid) continue;
    while (owners.size() <= id) owners.push(PDFNull);
    owners.set(id, ownerRef);
  }
}

/** Structure types that run inside a line of their block (Chromium's text runs are `NonStruct`). */
const INLINE = new Set(['NonStruct', 'Span', 'Link', 'Quote', 'Code', 'Reference', 'Em', 'Strong', 'Sub', 'Annot']);

/** The block element (a paragraph, heading, list item, cell) whose line `element`'s text is in. */
function blockOf(context: PDFDocument['context'], element: PDFObject | undefined): PDFObject | undefined {
  let at = element;
  for (let depth = 0; at instanceof PDFDict && depth < 64; depth++) {
    const type = at.get(PDFName.of('S'));
    if (!(type instanceof PDFName) || !INLINE.has(type.decodeText())) return at;
    const parent = resolve(context, at.get(PDFName.of('P')));
    if (!(parent instanceof PDFDict) || !parent.has(PDFName.of('S'))) return at;
    at = parent;
  }
  return at;
}
