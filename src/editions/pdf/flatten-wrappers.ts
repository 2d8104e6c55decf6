import { PDFDict, PDFName, type PDFDocument, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, structElements } from './pdf-trees.js';
import { isMarkedContentReference, ParentTree, takeContents } from './struct-moves.js';

/** What makes a `NonStruct` more than a wrapper: something said of it that its children would lose. */
const OWN_KEYS = ['ID', 'A', 'C', 'Lang', 'Alt', 'ActualText', 'E', 'T'];

/**
 * Take out the structure elements that only wrap others: Paged.js's sheets,
 * page boxes and areas, which Chromium tags `NonStruct` (a type that means
 * nothing but grouping: ISO 32000-1, 14.8.4.2, reads its children as the
 * children of its parent). Their children go where they were, in order, with
 * their parent set; a `NonStruct` that holds content of its own (marked content,
 * an annotation) or says anything of itself (an id, attributes, a language) stays.
 * Assistive technology then meets the book's own elements, not its pages.
 */
export function flattenWrappers(pdf: PDFDocument): void {
  const { context } = pdf;
  const rootRef = pdf.catalog.get(PDFName.of('StructTreeRoot'));
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root || !(rootRef instanceof PDFRef)) return;
  const isElement = (kid: PDFObject) => {
    const dict = kid instanceof PDFRef ? context.lookup(kid) : undefined;
    return dict instanceof PDFDict && dict.has(PDFName.of('S'));
  };
  // Innermost first: a wrapper's wrappers are gone by the time it goes itself.
  for (const element of structElements(context, root).toReversed()) {
    const { dict, ref } = element;
    if (dict.get(PDFName.of('S')) !== PDFName.of('NonStruct') || !ref || OWN_KEYS.some((key) => dict.has(PDFName.of(key)))) continue;
    const own = kidsOf(dict);
    if (!own.every(isElement)) continue;
    const parent = element.parent?.dict ?? root;
    const parentRef = element.parent?.ref ?? rootRef;
    const siblings = kidsOf(parent);
    const at = siblings.indexOf(ref);
    if (at < 0) continue;
    parent.set(PDFName.of('K'), context.obj([...siblings.slice(0, at), ...own, ...siblings.slice(at + 1)]));
    for (const kid of own) (context.lookup(kid) as PDFDict).set(PDFName.of('P'), parentRef);
    context.delete(ref);
  }
}

/** Elements that group others: text directly inside them would stand for nothing. */
const GROUPING = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'NonStruct', 'L', 'Table', 'THead', 'TBody', 'TFoot', 'TR', 'TOC']);

/**
 * Chromium wraps the text of each element in a `NonStruct` of its own
 * (`P` › `NonStruct` › text). Where such a run says nothing of itself (no language,
 * id or attributes) and its element is not a grouping, the element holds the text
 * itself: its marked content moves up, in its place (referred to with its page),
 * the parent tree following. `P` › text, as the book's structure is read.
 */
export function flattenTextRuns(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const tree = new ParentTree(context, root);
  const isContent = (kid: PDFObject) => kid instanceof PDFNumber || isMarkedContentReference(context, kid);
  for (const element of structElements(context, root)) {
    const { dict, ref, parent } = element;
    if (dict.get(PDFName.of('S')) !== PDFName.of('NonStruct') || !ref || !parent?.ref) continue;
    if (OWN_KEYS.some((key) => dict.has(PDFName.of(key)))) continue;
    const own = kidsOf(dict);
    const type = parent.dict.get(PDFName.of('S'));
    if (own.length === 0 || !own.every(isContent) || !(type instanceof PDFName) || GROUPING.has(type.decodeText())) continue;
    // (Marked content is known by its page: without one, it stays where it is.)
    if (!dict.has(PDFName.of('Pg')) && own.some((kid) => kid instanceof PDFNumber)) continue;
    const siblings = kidsOf(parent.dict);
    const at = siblings.indexOf(ref);
    if (at < 0) continue;
    const moved = takeContents(context, dict, parent.ref, tree);
    parent.dict.set(PDFName.of('K'), context.obj([...siblings.slice(0, at), ...moved, ...siblings.slice(at + 1)]));
    context.delete(ref);
  }
  tree.write();
}
