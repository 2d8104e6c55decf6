import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { dictAt, kidsOf, numberTreeEntries, resolve, stringText, structElements } from './pdf-trees.js';

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
  const parentTree = new Map(numberTreeEntries(context, dictAt(context, root, 'ParentTree')));
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
  /** Point the parent tree's entry of marked content on `page` (or of an annotation) at `owner`. */
  const reparent = (page: PDFObject | undefined, mcid: number | undefined, owner: PDFRef) => {
    const holder = resolve(context, page);
    const key = holder instanceof PDFDict ? holder.get(PDFName.of(mcid === undefined ? 'StructParent' : 'StructParents')) : undefined;
    if (!(key instanceof PDFNumber)) return;
    const entry = resolve(context, parentTree.get(key.asNumber()));
    if (mcid === undefined) parentTree.set(key.asNumber(), owner);
    else if (entry instanceof PDFArray && mcid < entry.size()) entry.set(mcid, owner);
  };
  for (const [first, ...rest] of pieces.values()) {
    if (!first) continue;
    const moved: PDFObject[] = [];
    for (const piece of rest) {
      const page = piece.dict.get(PDFName.of('Pg'));
      for (const kid of kidsOf(piece.dict)) {
        const value = resolve(context, kid);
        if (kid instanceof PDFNumber) {
          // Marked content of the piece's page: referred to with its page from the first piece.
          if (page) moved.push(context.obj({ Type: 'MCR', Pg: page, MCID: kid }));
          reparent(page, kid.asNumber(), first.ref);
        } else if (value instanceof PDFDict && value.get(PDFName.of('Type')) === PDFName.of('MCR')) {
          moved.push(kid);
          const mcid = value.get(PDFName.of('MCID'));
          reparent(value.get(PDFName.of('Pg')) ?? page, mcid instanceof PDFNumber ? mcid.asNumber() : undefined, first.ref);
        } else if (value instanceof PDFDict && value.get(PDFName.of('Type')) === PDFName.of('OBJR')) {
          moved.push(kid);
          reparent(value.get(PDFName.of('Obj')), undefined, first.ref);
        } else if (value instanceof PDFDict) {
          moved.push(kid);
          value.set(PDFName.of('P'), first.ref);
        }
      }
      remove(pdf, piece.dict, piece.ref);
    }
    if (moved.length > 0) first.dict.set(PDFName.of('K'), context.obj([...kidsOf(first.dict), ...moved]));
  }
  const treeRef = root.get(PDFName.of('ParentTree'));
  const tree = resolve(context, treeRef);
  if (tree instanceof PDFDict) {
    const nums = context.obj([]);
    for (const [key, value] of [...parentTree].sort((a, b) => a[0] - b[0])) {
      nums.push(PDFNumber.of(key));
      nums.push(value);
    }
    tree.delete(PDFName.of('Kids'));
    tree.set(PDFName.of('Nums'), nums);
  }
  for (const { dict, base } of marked) {
    if (base === inheritedLanguage(pdf, dict)) dict.delete(PDFName.of('Lang'));
    else dict.set(PDFName.of('Lang'), PDFString.of(base));
  }
}

/** Take a structure element out of its parent's `/K`, and the parent too when nothing is left in it. */
function remove(pdf: PDFDocument, dict: PDFDict, ref: PDFRef): void {
  const parent = resolve(pdf.context, dict.get(PDFName.of('P')));
  if (!(parent instanceof PDFDict)) return;
  const left = kidsOf(parent).filter((kid) => kid !== ref);
  const parentRef = resolve(pdf.context, parent.get(PDFName.of('P'))) instanceof PDFDict ? findRef(pdf, parent) : undefined;
  if (left.length > 0 || !parentRef || parent.get(PDFName.of('Type')) === PDFName.of('StructTreeRoot')) parent.set(PDFName.of('K'), pdf.context.obj(left));
  else remove(pdf, parent, parentRef);
  pdf.context.delete(ref);
}

/** The reference of an indirect structure element, from its parent's kids. */
function findRef(pdf: PDFDocument, dict: PDFDict): PDFRef | undefined {
  const parent = resolve(pdf.context, dict.get(PDFName.of('P')));
  if (!(parent instanceof PDFDict)) return undefined;
  return kidsOf(parent).find((kid): kid is PDFRef => kid instanceof PDFRef && pdf.context.lookup(kid) === dict);
}

/** The language an element inherits: its nearest ancestor's `/Lang` that is not a mark, else the document's. */
function inheritedLanguage(pdf: PDFDocument, dict: PDFDict): string | undefined {
  for (let at = resolve(pdf.context, dict.get(PDFName.of('P'))); at instanceof PDFDict; at = resolve(pdf.context, at.get(PDFName.of('P')))) {
    const lang = stringText(at.get(PDFName.of('Lang')));
    if (lang !== undefined) return MARK.exec(lang)?.[1] ?? lang;
  }
  return stringText(pdf.catalog.get(PDFName.of('Lang')));
}
