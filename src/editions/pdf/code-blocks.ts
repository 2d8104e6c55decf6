import { PDFDict, PDFName, type PDFDocument, type PDFObject, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, resolve, structElements } from './pdf-trees.js';

/** Grouping elements (ISO 32000-1, 14.8.4.2), and the blocks that may group paragraphs: a `Code` alone in one is a code block. */
const GROUPS = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'LBody', 'Note']);

/**
 * Chromium tags a code block (`<pre><code>`) as its `Code` alone, an inline
 * element (ISO 32000-1, 14.8.4.4) standing where the book has a block: a reader
 * runs it into the text around it. Each `Code` that stands alone in a grouping
 * element — no text or inline element beside it (inline code in a list item's
 * words is left as it is) — is put in a paragraph (`P`) of its own.
 */
export function wrapCodeBlocks(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const typeOf = (kid: PDFObject | undefined) => {
    const dict = kid instanceof PDFRef ? resolve(context, kid) : undefined;
    const type = dict instanceof PDFDict && dict.get(PDFName.of('Type')) !== PDFName.of('MCR') ? dict.get(PDFName.of('S')) : undefined;
    return type instanceof PDFName ? type.decodeText() : undefined;
  };
  const blockBeside = (kid: PDFObject | undefined) => kid === undefined || (typeOf(kid) !== undefined && !INLINE.has(typeOf(kid)!));
  for (const { dict, ref, parent } of structElements(context, root)) {
    if (dict.get(PDFName.of('S')) !== PDFName.of('Code') || !ref || !parent?.ref) continue;
    const group = parent.dict.get(PDFName.of('S'));
    if (!(group instanceof PDFName) || !GROUPS.has(group.decodeText())) continue;
    const kids = kidsOf(parent.dict);
    const at = kids.indexOf(ref);
    if (at < 0 || !blockBeside(kids[at - 1]) || !blockBeside(kids[at + 1])) continue;
    const page = dict.get(PDFName.of('Pg'));
    const paragraph = context.register(context.obj({ Type: 'StructElem', S: 'P', P: parent.ref, K: [ref], ...(page ? { Pg: page } : {}) }));
    dict.set(PDFName.of('P'), paragraph);
    parent.dict.set(PDFName.of('K'), context.obj(kids.map((kid) => (kid === ref ? paragraph : kid))));
  }
}

/** Inline elements (ISO 32000-1, 14.8.4.4), and the HTML ones Chromium tags by their own names. */
const INLINE = new Set(['Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'Warichu', 'Em', 'Strong', 'Sub']);
