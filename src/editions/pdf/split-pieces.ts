import { PDFDict, PDFName, type PDFDocument, type PDFRef, PDFString } from 'pdf-lib';
import { dictAt, kidsOf, resolve, stringText, structElements } from './pdf-trees.js';
import { detach, ParentTree, takeContents } from './struct-moves.js';

/** The mark `markSplitPieces` adds to a split block's language: the language before it, and the block. */
const MARK = /^(.+?)(?:-x)?-gsplit-([0-9a-z]{1,8})-([0-9a-z]{1,8})$/i;

/**
 * Join the structure elements of a block Paged.js split across pages (a
 * paragraph, a list, a section; marked in its language by `markSplitPieces`)
 * into its first piece: what each later piece holds (marked content, with its
 * page; child elements; annotations) moves to the end of the first, the parent
 * tree follows, and the empty piece goes. Every mark is then taken out of the
 * languages again: an element keeps `/Lang` only where it differs from the
 * language it would inherit.
 */
export function joinSplitPieces(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const pieces = new Map<string, Array<{ dict: PDFDict; ref: PDFRef }>>();
  const marked: Array<{ dict: PDFDict; base: string }> = [];
  for (const { dict, ref } of structElements(context, root)) {
    const match = MARK.exec(stringText(dict.get(PDFName.of('Lang'))) ?? '');
    if (!match) continue;
    marked.push({ dict, base: match[1]! });
    if (!ref) continue;
    const key = `${match[2]}-${match[3]}`;
    const group = pieces.get(key);
    if (group) group.push({ dict, ref });
    else pieces.set(key, [{ dict, ref }]);
  }
  const tree = new ParentTree(context, root);
  for (const [first, ...rest] of pieces.values()) {
    if (!first) continue;
    const moved = rest.flatMap((piece) => {
      const taken = takeContents(context, piece.dict, first.ref, tree);
      detach(context, piece.ref);
      return taken;
    });
    if (moved.length > 0) first.dict.set(PDFName.of('K'), context.obj([...kidsOf(first.dict), ...moved]));
  }
  tree.write();
  for (const { dict, base } of marked) {
    if (base === inheritedLanguage(pdf, dict)) dict.delete(PDFName.of('Lang'));
    else dict.set(PDFName.of('Lang'), PDFString.of(base));
  }
}

/** The language an element inherits: its nearest ancestor's `/Lang` that is not a mark, else the document's. */
function inheritedLanguage(pdf: PDFDocument, dict: PDFDict): string | undefined {
  for (let at = resolve(pdf.context, dict.get(PDFName.of('P'))); at instanceof PDFDict; at = resolve(pdf.context, at.get(PDFName.of('P')))) {
    const lang = stringText(at.get(PDFName.of('Lang')));
    if (lang !== undefined) return MARK.exec(lang)?.[1] ?? lang;
  }
  return stringText(pdf.catalog.get(PDFName.of('Lang')));
}
