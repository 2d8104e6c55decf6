import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  ParseSpeeds,
  PDFNumber,
  PDFObjectCopier,
  type PDFObject,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFString,
  PDFHexString,
} from 'pdf-lib';
import { FontTags } from './font-tags.js';
import { PART_LINK } from './part-links.js';
import { countOutline, dictAt, nameTree, nameTreeEntries, numberTree, numberTreeEntries, outlineChildren, resolve } from './pdf-trees.js';
import { renameStructIds } from './stable-struct-ids.js';

/** One layout part as printed. */
export interface PrintedPart {
  readonly bytes: Uint8Array;
  /** A blank page goes before it (its first page must be a right-hand one). */
  readonly blankBefore: boolean;
  /** It goes on with the chapter of the part before: its outline entries nest under that chapter's. */
  readonly continues: boolean;
}

/** Where an element with an id is: its book page (from 1) and top left corner on the page, in CSS pixels. */
export interface Anchor {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Join the parts' PDFs into one book: pages in order (with the blank pages that
 * put chapters on right-hand pages), one structure tree (the parts' elements under
 * one document element, their parent trees renumbered), one outline, one set of
 * named destinations; links to other parts (`galley-dest:<id>`) become links to
 * their places. A one-part book is its part.
 */
export async function joinParts(parts: readonly PrintedPart[], anchors: ReadonlyMap<string, Anchor>): Promise<PDFDocument> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('No part to join');
  const book = await PDFDocument.load(first.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (rest.length === 0) return book;
  const fontTags = new FontTags();
  fontTags.retag(book);
  renameStructIds(book, 0);
  const joined = new Joined(book);
  for (const [index, part] of rest.entries()) {
    const pdf = await PDFDocument.load(part.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    fontTags.retag(pdf);
    renameStructIds(pdf, index + 1);
    joined.append(pdf, part);
  }
  joined.finish(anchors);
  return book;
}

class Joined {
  private readonly context;
  private readonly structRoot: PDFDict | undefined;
  private readonly structRootRef: PDFRef | undefined;
  private readonly parentTree: Array<[number, PDFObject]>;
  private readonly ids: Array<[string, PDFObject]>;
  private readonly dests: PDFDict;
  private readonly outlines: PDFDict | undefined;

  constructor(private readonly book: PDFDocument) {
    this.context = book.context;
    const catalog = book.catalog;
    const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
    this.structRootRef = rootRef instanceof PDFRef ? rootRef : undefined;
    this.structRoot = dictAt(this.context, catalog, 'StructTreeRoot');
    this.parentTree = numberTreeEntries(this.context, this.structRoot && dictAt(this.context, this.structRoot, 'ParentTree'));
    this.ids = nameTreeEntries(this.context, this.structRoot && dictAt(this.context, this.structRoot, 'IDTree'));
    this.dests = dictAt(this.context, catalog, 'Dests') ?? this.context.obj({});
    catalog.set(PDFName.of('Dests'), this.context.register(this.dests));
    this.outlines = dictAt(this.context, catalog, 'Outlines');
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

  append(pdf: PDFDocument, part: PrintedPart): void {
    const src = pdf.context;
    const copier = PDFObjectCopier.for(src, this.context);
    const seen = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    const pages = pdf.getPages();
    if (part.blankBefore && pages[0]) this.book.addPage([pages[0].getWidth(), pages[0].getHeight()]);
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
      this.book.addPage(PDFPage.of(leaf, ref, this.book));
    }
    if (from.dict && into.dict) {
      const kids = resolve(src, from.dict.get(PDFName.of('K')));
      const target = into.dict.get(PDFName.of('K'));
      const list = target instanceof PDFArray ? target : this.context.obj(target ? [target] : []);
      into.dict.set(PDFName.of('K'), list);
      for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) list.push(copier.copy(kid));
    }
    const srcStruct = dictAt(src, pdf.catalog, 'StructTreeRoot');
    for (const [key, value] of numberTreeEntries(src, srcStruct && dictAt(src, srcStruct, 'ParentTree')))
      this.parentTree.push([key + offset, copier.copy(value)]);
    for (const [name, value] of nameTreeEntries(src, srcStruct && dictAt(src, srcStruct, 'IDTree'))) this.ids.push([name, copier.copy(value)]);
    const dests = dictAt(src, pdf.catalog, 'Dests');
    for (const [name, value] of dests?.entries() ?? []) this.dests.set(name, copier.copy(value));
    this.appendOutline(pdf, copier, seen, part.continues);
  }

  /** The part's outline entries after the book's (under its last chapter's, for a part that goes on with it). */
  private appendOutline(pdf: PDFDocument, copier: PDFObjectCopier, seen: Map<PDFObject, PDFObject>, continues: boolean): void {
    const srcOutlines = pdf.catalog.get(PDFName.of('Outlines'));
    const srcDict = resolve(pdf.context, srcOutlines);
    if (!this.outlines || !(srcOutlines instanceof PDFRef) || !(srcDict instanceof PDFDict)) return;
    const srcItems = outlineChildren(pdf.context, srcDict);
    if (srcItems.length === 0) return;
    const top = outlineChildren(this.context, this.outlines);
    const lastTop = top[top.length - 1];
    const parentRef = continues && lastTop ? lastTop : (this.book.catalog.get(PDFName.of('Outlines')) as PDFRef);
    const parent = this.context.lookup(parentRef) as PDFDict;
    seen.set(srcOutlines, parentRef);
    const items = srcItems.map((item) => copier.copy(item) as PDFRef);
    const siblings = outlineChildren(this.context, parent);
    const last = siblings[siblings.length - 1];
    if (last) {
      (this.context.lookup(last) as PDFDict).set(PDFName.of('Next'), items[0]!);
      (this.context.lookup(items[0]!) as PDFDict).set(PDFName.of('Prev'), last);
    } else parent.set(PDFName.of('First'), items[0]!);
    parent.set(PDFName.of('Last'), items[items.length - 1]!);
  }

  finish(anchors: ReadonlyMap<string, Anchor>): void {
    const { context } = this;
    if (this.structRoot) {
      this.structRoot.set(PDFName.of('ParentTree'), context.register(numberTree(context, this.parentTree, 'ParentTree')));
      this.structRoot.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(this.nextKey));
      if (this.ids.length > 0) this.structRoot.set(PDFName.of('IDTree'), context.register(nameTree(context, this.ids)));
    }
    if (this.outlines) countOutline(context, this.outlines);
    const pages = this.book.getPages();
    for (const page of pages) {
      for (const annot of page.node.Annots()?.asArray() ?? []) {
        const link = resolve(context, annot);
        const action = link instanceof PDFDict ? dictAt(context, link, 'A') : undefined;
        const uri = action?.get(PDFName.of('URI'));
        const target = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : '';
        if (!(link instanceof PDFDict) || !target.startsWith(PART_LINK)) continue;
        const id = decodeURIComponent(target.slice(PART_LINK.length));
        link.delete(PDFName.of('A'));
        // An explicit destination: a name made here might not be spelt as Chromium spells the parts' names.
        const at = anchors.get(id);
        const onPage = at && pages[at.page - 1];
        if (at && onPage) link.set(PDFName.of('Dest'), context.obj([onPage.ref, 'XYZ', round(at.x * 0.75), round(onPage.getHeight() - at.y * 0.75), 0]));
      }
    }
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
