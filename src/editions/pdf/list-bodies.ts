import { PDFDict, PDFName, type PDFDocument, type PDFObject } from 'pdf-lib';
import { dictAt, kidsOf, resolve, structElements } from './pdf-trees.js';
import { moveKid, ParentTree } from './struct-moves.js';

/**
 * Chromium tags a list item as its marker (`Lbl`) followed by what the item holds
 * (paragraphs, text, links, a nested list) directly in the `LI`; PDF (ISO 32000-1,
 * 14.8.4.3.3) reads an item as a label and a body (`LBody`). What follows the
 * label is put in an `LBody` of its own, in order: elements get it as their
 * parent, marked content and annotations are referred to from it (with their
 * page) and the parent tree names it as their owner. An item that already has a
 * body (a definition list's: definition-lists.ts) is left as it is.
 */
export function wrapListBodies(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const tree = new ParentTree(context, root);
  const typeOf = (kid: PDFObject) => {
    const dict = resolve(context, kid);
    const type = dict instanceof PDFDict ? dict.get(PDFName.of('S')) : undefined;
    return type instanceof PDFName ? type.decodeText() : undefined;
  };
  for (const { dict, ref } of structElements(context, root)) {
    if (dict.get(PDFName.of('S')) !== PDFName.of('LI') || !ref) continue;
    const kids = kidsOf(dict);
    if (kids.some((kid) => typeOf(kid) === 'LBody')) continue;
    const labels = kids.filter((kid) => typeOf(kid) === 'Lbl');
    const rest = kids.filter((kid) => typeOf(kid) !== 'Lbl');
    if (rest.length === 0) continue;
    const page = dict.get(PDFName.of('Pg'));
    // (On the item's page, as marked content of that page it takes is referred to by its MCID.)
    const body = context.register(context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: [], ...(page ? { Pg: page } : {}) }));
    const held = rest.flatMap((kid) => moveKid(context, kid, page, body, tree, 'same-page') ?? []);
    (context.lookup(body) as PDFDict).set(PDFName.of('K'), context.obj(held));
    dict.set(PDFName.of('K'), context.obj([...labels, body]));
  }
  tree.write();
}
