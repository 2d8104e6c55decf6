import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFObject, PDFRef } from 'pdf-lib';
import { dictAt, kidsOf, numberTreeEntries, resolve } from './pdf-trees.js';

/** Whether a kid of a structure element is a marked-content reference (`/Type /MCR`). */
export function isMarkedContentReference(context: PDFContext, kid: PDFObject): boolean {
  const dict = resolve(context, kid);
  return dict instanceof PDFDict && dict.get(PDFName.of('Type')) === PDFName.of('MCR');
}

/** A structure tree's parent tree, to point marked content and annotations at the elements that now hold them. */
export class ParentTree {
  readonly #entries: Map<number, PDFObject>;
  #changed = false;

  constructor(
    private readonly context: PDFContext,
    private readonly root: PDFDict,
  ) {
    this.#entries = new Map(numberTreeEntries(context, dictAt(context, root, 'ParentTree')));
  }

  /** Marked content `mcid` of `page` belongs to `owner`. */
  content(page: PDFObject | undefined, mcid: number, owner: PDFRef): void {
    const holder = resolve(this.context, page);
    const key = holder instanceof PDFDict ? holder.get(PDFName.of('StructParents')) : undefined;
    const owners = key instanceof PDFNumber ? resolve(this.context, this.#entries.get(key.asNumber())) : undefined;
    if (owners instanceof PDFArray && mcid < owners.size()) owners.set(mcid, owner);
  }

  /** The annotation `annot` belongs to `owner`. */
  annotation(annot: PDFObject | undefined, owner: PDFRef): void {
    const holder = resolve(this.context, annot);
    const key = holder instanceof PDFDict ? holder.get(PDFName.of('StructParent')) : undefined;
    if (!(key instanceof PDFNumber)) return;
    this.#entries.set(key.asNumber(), owner);
    this.#changed = true;
  }

  /** Write the entries back, where an annotation's changed (a page's are changed in place). */
  write(): void {
    const tree = dictAt(this.context, this.root, 'ParentTree');
    if (!this.#changed || !tree) return;
    const nums = this.context.obj([]);
    for (const [key, value] of [...this.#entries].sort((a, b) => a[0] - b[0])) {
      nums.push(PDFNumber.of(key));
      nums.push(value);
    }
    tree.delete(PDFName.of('Kids'));
    tree.set(PDFName.of('Nums'), nums);
  }
}

/**
 * What a structure element `piece` holds, given to `owner`: its marked content
 * (referred to with its page, as an MCR), marked-content references and
 * annotations (the parent tree following), and its child elements (their
 * parent set). The entries for `owner`'s `/K`, in order.
 */
export function takeContents(context: PDFContext, piece: PDFDict, owner: PDFRef, tree: ParentTree): PDFObject[] {
  const page = piece.get(PDFName.of('Pg'));
  return kidsOf(piece).flatMap((kid) => moveKid(context, kid, page, owner, tree, 'other-page') ?? []);
}

/**
 * Kid `kid` of an element on page `page`, given to `owner`: an element gets it as
 * its parent, marked content and annotations get it as their owner in the parent
 * tree. The entry for `owner`'s `/K`: marked content of `page` (a bare MCID) stays
 * one where `owner` is on that page too, and is referred to with its page (an
 * MCR) where it may not be; `undefined` for a kid that is none of these.
 */
export function moveKid(
  context: PDFContext,
  kid: PDFObject,
  page: PDFObject | undefined,
  owner: PDFRef,
  tree: ParentTree,
  owners: 'same-page' | 'other-page',
): PDFObject | undefined {
  if (kid instanceof PDFNumber) {
    tree.content(page, kid.asNumber(), owner);
    if (owners === 'same-page') return kid;
    return page ? context.obj({ Type: 'MCR', Pg: page, MCID: kid }) : undefined;
  }
  const value = resolve(context, kid);
  if (!(value instanceof PDFDict)) return undefined;
  const type = value.get(PDFName.of('Type'));
  if (type === PDFName.of('MCR')) {
    const mcid = value.get(PDFName.of('MCID'));
    if (mcid instanceof PDFNumber) tree.content(value.get(PDFName.of('Pg')) ?? page, mcid.asNumber(), owner);
  } else if (type === PDFName.of('OBJR')) {
    tree.annotation(value.get(PDFName.of('Obj')), owner);
  } else {
    value.set(PDFName.of('P'), owner);
  }
  return kid;
}

/**
 * Take a structure element out of its parent's `/K`, and the parent too when
 * nothing is left in it (never the tree's root), and out of the file. The
 * references of the elements taken out.
 */
export function detach(context: PDFContext, ref: PDFRef): PDFRef[] {
  const dict = context.lookup(ref);
  const parentRef = dict instanceof PDFDict ? dict.get(PDFName.of('P')) : undefined;
  const parent = resolve(context, parentRef);
  context.delete(ref);
  if (!(parent instanceof PDFDict)) return [ref];
  const left = kidsOf(parent).filter((kid) => kid !== ref);
  if (left.length > 0 || !(parentRef instanceof PDFRef) || parent.get(PDFName.of('Type')) === PDFName.of('StructTreeRoot')) {
    parent.set(PDFName.of('K'), context.obj(left));
    return [ref];
  }
  return [ref, ...detach(context, parentRef)];
}

/** Whether a kid of structure element `owner` is marked content `mcid` of `page` (an MCID of the element's own page, or an MCR). */
export function sameContent(context: PDFContext, owner: PDFDict, kid: PDFObject, mcid: number, page: PDFRef): boolean {
  if (kid instanceof PDFNumber) return kid.asNumber() === mcid && owner.get(PDFName.of('Pg')) === page;
  const reference = resolve(context, kid);
  if (!(reference instanceof PDFDict) || reference.get(PDFName.of('Type')) !== PDFName.of('MCR')) return false;
  const at = reference.get(PDFName.of('MCID'));
  const on = reference.get(PDFName.of('Pg'));
  return at instanceof PDFNumber && at.asNumber() === mcid && (on === undefined || on === page);
}

/**
 * Put marked content `mcids` of `page` in element `owner`'s `/K` in that order, in
 * the places they hold there (other kids, child elements, stay where they are).
 */
export function orderContent(context: PDFContext, owner: PDFObject | undefined, mcids: readonly number[], page: PDFRef): void {
  if (!(owner instanceof PDFDict)) return;
  const kids = kidsOf(owner);
  const found = mcids.map((mcid) => kids.findIndex((kid) => sameContent(context, owner, kid, mcid, page)));
  if (found.some((at) => at < 0) || new Set(found).size !== found.length) return;
  const places = [...found].sort((a, b) => a - b);
  const ordered = [...kids];
  places.forEach((place, i) => {
    ordered[place] = kids[found[i]!]!;
  });
  owner.set(PDFName.of('K'), context.obj(ordered));
}
