import { type PDFContext, type PDFDict, PDFName, type PDFObject, PDFRef } from 'pdf-lib';
import { kidsOf } from './pdf-trees.js';

/** A structure element of a definition list, known by the mark in its language (rehype-structure-marks.ts). */
export interface ListElement {
  dict: PDFDict;
  ref: PDFRef;
  role: 'dl' | 'dt' | 'dd';
}

const TYPES = { dl: 'L', dt: 'Lbl', dd: 'LBody' } as const;

/**
 * Tag each definition list as PDF tags lists: an `L` of `LI`s, each a term
 * (`Lbl`) with its definitions (`LBody`). An item starts at a term that follows a
 * definition (or the list's start): terms that share definitions are one item.
 * What else the list holds stays in it, in its place.
 */
export function tagDefinitionLists(context: PDFContext, elements: readonly ListElement[]): void {
  const roles = new Map<PDFRef, ListElement['role']>(elements.map(({ ref, role }) => [ref, role]));
  for (const { dict, ref, role } of elements) {
    dict.set(PDFName.of('S'), PDFName.of(TYPES[role]));
    if (role !== 'dl') continue;
    const kids: PDFObject[] = [];
    let item: { kids: PDFRef[]; defined: boolean } | undefined;
    const finish = () => {
      if (!item) return;
      const li = context.register(context.obj({ Type: 'StructElem', S: 'LI', P: ref, K: item.kids }));
      for (const kid of item.kids) (context.lookup(kid) as PDFDict).set(PDFName.of('P'), li);
      kids.push(li);
      item = undefined;
    };
    for (const kid of kidsOf(dict)) {
      const kidRole = kid instanceof PDFRef ? roles.get(kid) : undefined;
      if (!(kid instanceof PDFRef) || (kidRole !== 'dt' && kidRole !== 'dd')) {
        finish();
        kids.push(kid);
        continue;
      }
      if (kidRole === 'dt' && item?.defined) finish();
      item ??= { kids: [], defined: false };
      item.kids.push(kid);
      if (kidRole === 'dd') item.defined = true;
    }
    finish();
    dict.set(PDFName.of('K'), context.obj(kids));
  }
}
