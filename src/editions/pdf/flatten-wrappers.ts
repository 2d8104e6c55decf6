import { PDFDict, PDFName, type PDFDocument, type PDFObject, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, structElements } from './pdf-trees.js';

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
