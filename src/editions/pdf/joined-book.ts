import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  type PDFObject,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFHexString,
} from 'pdf-lib';
import type { Anchor, PrintedPart } from './join-parts.js';
import { PART_LINK } from './part-links.js';
import { countOutline, dictAt, nameTree, nameTreeEntries, numberTree, numberTreeEntries, outlineChildren, resolve, stringText } from './pdf-trees.js';

/**
 * A book being joined from its parts' PDFs (see `BookJoiner`): the first part
 * joined is its base; each part added goes after the book's pages or before them.
 */
export class JoinedBook {
  private readonly context;
  private readonly structRoot: PDFDict | undefined;
  private readonly structRootRef: PDFRef | undefined;
  private readonly parentTree: Array<[number, PDFObject]>;
  private readonly ids: Array<[string, PDFObject]>;
  private readonly dests: PDFDict;

  /** Start from one part's PDF (its blank page put in front when it has one). */
  constructor(
    readonly book: PDFDocument,
    part: PrintedPart,
  ) {
    this.context = book.context;
    const catalog = book.catalog;
    const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
    this.structRootRef = rootRef instanceof PDFRef ? rootRef : undefined;
    this.structRoot = dictAt(this.context, catalog, 'StructTreeRoot');
    this.parentTree = numberTreeEntries(this.context, this.structRoot && dictAt(this.context, this.structRoot, 'ParentTree'));
    this.ids = nameTreeEntries(this.context, this.structRoot && dictAt(this.context, this.structRoot, 'IDTree'));
    this.dests = dictAt(this.context, catalog, 'Dests') ?? this.context.obj({});
    catalog.set(PDFName.of('Dests'), this.context.register(this.dests));
    const [page] = book.getPages();
    if (part.blankBefore && page) book.insertPage(0, [page.getWidth(), page.getHeight()]);
  }

  private get nextKey(): number {
    return this.parentTree.reduce((max, [key]) => Math.max(max, key + 1), 0);
  }

  /** The element the parts' elements go under: the structure root's one kid (Chromium's `Document`). */
  private documentElement(pdf: PDFDocument): { ref: PDFRef | undefined; dict: PDFDict | undefined } {
    const root = dictAt(pdf.context, pdf.catalog, 'StructTreeRoot');
    const kid = root?.get(PDFName.of('K'));
    return kid instanceof PDFRef ? { ref: kid, dict: pdf.context.lookup(kid) as PDFDict } : { ref: undefined, dict: undefined };
  }

  /** A part's pages, elements, names and outline after the book's (`end`) or before them (`start`). */
  add(pdf: PDFDocument, part: PrintedPart, where: 'start' | 'end'): void {
    const src = pdf.context;
    const copier = PDFObjectCopier.for(src, this.context);
    const seen = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    const pages = pdf.getPages();
    let at = where === 'start' ? 0 : this.book.getPageCount();
    if (part.blankBefore && pages[0]) this.book.insertPage(at++, [pages[0].getWidth(), pages[0].getHeight()]);
    const offset = this.nextKey;
    const shift = (dict: PDFDict, key: string) => {
      const value = dict.get(PDFName.of(key));
      if (value instanceof PDFNumber) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
    };
    // The structure root and document element of the part are the book's.
    const srcRoot = pdf.catalog.get(PDFName.of('StructTreeRoot'));
    const into = this.documentElement(this.book);
    const from = this.documentElement(pdf);
    if (srcRoot instanceof PDFRef && this.structRootRef) seen.set(srcRoot, this.structRootRef);
    if (from.ref && into.ref) seen.set(from.ref, into.ref);
    for (const page of pages) {
      const leaf = copier.copy(page.node) as PDFPageLeaf;
      const ref = this.context.register(leaf);
      seen.set(page.ref, ref);
      shift(leaf, 'StructParents');
      for (const annot of leaf.Annots()?.asArray() ?? []) {
        const dict = resolve(this.context, annot);
        if (dict instanceof PDFDict) shift(dict, 'StructParent');
      }
      this.book.insertPage(at++, PDFPage.of(leaf, ref, this.book));
    }
    if (from.dict && into.dict) {
      const kids = resolve(src, from.dict.get(PDFName.of('K')));
      const target = into.dict.get(PDFName.of('K'));
      const list = target instanceof PDFArray ? target : this.context.obj(target ? [target] : []);
      into.dict.set(PDFName.of('K'), list);
      let kidAt = where === 'start' ? 0 : list.size();
      for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) list.insert(kidAt++, copier.copy(kid));
    }
    const srcStruct = dictAt(src, pdf.catalog, 'StructTreeRoot');
    for (const [key, value] of numberTreeEntries(src, srcStruct && dictAt(src, srcStruct, 'ParentTree')))
      this.parentTree.push([key + offset, copier.copy(value)]);
    for (const [name, value] of nameTreeEntries(src, srcStruct && dictAt(src, srcStruct, 'IDTree'))) this.ids.push([name, copier.copy(value)]);
    const dests = dictAt(src, pdf.catalog, 'Dests');
    for (const [name, value] of dests?.entries() ?? []) this.dests.set(name, copier.copy(value));
    this.addOutline(pdf, copier, seen, where === 'end' && part.continues ? 'under-last' : where);
  }

  /** The book's outline, made if it has none yet. */
  private outline(): { ref: PDFRef; dict: PDFDict } {
    const ref = this.book.catalog.get(PDFName.of('Outlines'));
    const dict = resolve(this.context, ref);
    if (ref instanceof PDFRef && dict instanceof PDFDict) return { ref, dict };
    const made = this.context.obj({ Type: 'Outlines' });
    const madeRef = this.context.register(made);
    this.book.catalog.set(PDFName.of('Outlines'), madeRef);
    return { ref: madeRef, dict: made };
  }

  /**
   * The part's outline entries after the book's (`end`), before them (`start`), or
   * after the entries under its last chapter's (a part that goes on with it).
   */
  private addOutline(pdf: PDFDocument, copier: PDFObjectCopier, seen: Map<PDFObject, PDFObject>, where: 'start' | 'end' | 'under-last'): void {
    const srcOutlines = pdf.catalog.get(PDFName.of('Outlines'));
    const srcDict = resolve(pdf.context, srcOutlines);
    if (!(srcOutlines instanceof PDFRef) || !(srcDict instanceof PDFDict)) return;
    const srcItems = outlineChildren(pdf.context, srcDict);
    if (srcItems.length === 0) return;
    const outline = this.outline();
    const lastTop = outlineChildren(this.context, outline.dict).at(-1);
    const parentRef = where === 'under-last' && lastTop ? lastTop : outline.ref;
    const parent = this.context.lookup(parentRef) as PDFDict;
    seen.set(srcOutlines, parentRef);
    const siblings = outlineChildren(this.context, parent);
    const items = srcItems.map((item) => copier.copy(item) as PDFRef);
    const [before, after] = where === 'start' ? [undefined, siblings[0]] : [siblings.at(-1), undefined];
    const link = (from: PDFRef, to: PDFRef) => {
      (this.context.lookup(from) as PDFDict).set(PDFName.of('Next'), to);
      (this.context.lookup(to) as PDFDict).set(PDFName.of('Prev'), from);
    };
    if (before) link(before, items[0]!);
    else parent.set(PDFName.of('First'), items[0]!);
    if (after) link(items.at(-1)!, after);
    else parent.set(PDFName.of('Last'), items.at(-1)!);
  }

  finish(anchors: ReadonlyMap<string, Anchor>, describe: (id: string) => string): void {
    const { context } = this;
    if (this.structRoot) {
      this.structRoot.set(PDFName.of('ParentTree'), context.register(numberTree(context, this.parentTree, 'ParentTree')));
      this.structRoot.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(this.nextKey));
      if (this.ids.length > 0) this.structRoot.set(PDFName.of('IDTree'), context.register(nameTree(context, this.ids)));
    }
    const outlines = dictAt(context, this.book.catalog, 'Outlines');
    if (outlines) countOutline(context, outlines);
    const pages = this.book.getPages();
    for (const page of pages) {
      for (const annot of page.node.Annots()?.asArray() ?? []) {
        const link = resolve(context, annot);
        const action = link instanceof PDFDict ? dictAt(context, link, 'A') : undefined;
        const uri = action?.get(PDFName.of('URI'));
        const target = stringText(uri) ?? '';
        if (!(link instanceof PDFDict) || !target.startsWith(PART_LINK)) continue;
        const id = decodeURIComponent(target.slice(PART_LINK.length));
        link.delete(PDFName.of('A'));
        // Its place is no longer named: the description says what it was (`describeLinks` would not know).
        link.set(PDFName.of('Contents'), PDFHexString.fromText(describe(id)));
        // An explicit destination: a name made here might not be spelt as Chromium spells the parts' names.
        const at = anchors.get(id);
        const onPage = at && pages[at.page - 1];
        if (at && onPage) link.set(PDFName.of('Dest'), context.obj([onPage.ref, 'XYZ', round(at.x * 0.75), round(onPage.getHeight() - at.y * 0.75), 0]));
      }
    }
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
