import { constants, inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPageLeaf,
  type PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
} from 'pdf-lib';

/** The object `value` is, or refers to. */
export function resolve(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? context.lookup(value) : value;
}

/** The text of a string object (literal or hex), else `undefined`. */
export function stringText(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export function dictAt(context: PDFContext, holder: PDFDict, key: string): PDFDict | undefined {
  const value = resolve(context, holder.get(PDFName.of(key)));
  return value instanceof PDFDict ? value : undefined;
}

export function arrayAt(context: PDFContext, holder: PDFDict, key: string): PDFArray | undefined {
  const value = resolve(context, holder.get(PDFName.of(key)));
  return value instanceof PDFArray ? value : undefined;
}

/** The entries of a number tree (`/Nums`, `/Kids`), in order. */
export function numberTreeEntries(context: PDFContext, tree: PDFDict | undefined): Array<[number, PDFObject]> {
  return treeEntries(context, tree, 'Nums', (key) => (key instanceof PDFNumber ? key.asNumber() : undefined));
}

/** The entries of a name tree (`/Names`, `/Kids`), in order. */
export function nameTreeEntries(context: PDFContext, tree: PDFDict | undefined): Array<[string, PDFObject]> {
  return treeEntries(context, tree, 'Names', stringText);
}

/** The leaves of a number or name tree, read by `keyOf` (entries with other keys are skipped). */
function treeEntries<K>(
  context: PDFContext,
  tree: PDFDict | undefined,
  leaves: 'Nums' | 'Names',
  keyOf: (key: PDFObject) => K | undefined,
): Array<[K, PDFObject]> {
  const entries: Array<[K, PDFObject]> = [];
  const walk = (node: PDFDict) => {
    const pairs = arrayAt(context, node, leaves);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const key = keyOf(pairs.get(i));
      if (key !== undefined) entries.push([key, pairs.get(i + 1)]);
    }
    const kids = arrayAt(context, node, 'Kids');
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = resolve(context, kids.get(i));
      if (kid instanceof PDFDict) walk(kid);
    }
  };
  if (tree) walk(tree);
  return entries;
}

/** A flat number tree of `entries`. */
export function numberTree(context: PDFContext, entries: ReadonlyArray<[number, PDFObject]>, type?: string): PDFDict {
  const nums = context.obj([]);
  for (const [key, value] of [...entries].sort((a, b) => a[0] - b[0])) {
    nums.push(PDFNumber.of(key));
    nums.push(value);
  }
  return context.obj({ ...(type ? { Type: type } : {}), Nums: nums });
}

/** A flat name tree of `entries`, sorted by name as the format requires. */
export function nameTree(context: PDFContext, entries: ReadonlyArray<[string, PDFObject]>): PDFDict {
  const names = context.obj([]);
  for (const [key, value] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    names.push(PDFString.of(key));
    names.push(value);
  }
  return context.obj({ Names: names });
}

/** The children of an outline item (or of the outline), in order, as references. */
export function outlineChildren(context: PDFContext, item: PDFDict): PDFRef[] {
  const children: PDFRef[] = [];
  let next = item.get(PDFName.of('First'));
  while (next instanceof PDFRef && !children.includes(next)) {
    children.push(next);
    next = (context.lookup(next) as PDFDict).get(PDFName.of('Next'));
  }
  return children;
}

/** Set `/Count` of an outline and all its items from what they hold (items stay open). */
export function countOutline(context: PDFContext, item: PDFDict): number {
  let visible = 0;
  for (const child of outlineChildren(context, item)) visible += 1 + countOutline(context, context.lookup(child) as PDFDict);
  if (visible > 0) item.set(PDFName.of('Count'), PDFNumber.of(visible));
  else item.delete(PDFName.of('Count'));
  return visible;
}

/** A structure element (a dictionary with `/S`), with its reference and its parent element. */
export interface StructElement {
  dict: PDFDict;
  /** Its reference (structure elements are indirect objects), if it has one. */
  ref: PDFRef | undefined;
  parent: StructElement | undefined;
}

/** The entries of a structure element's `/K`: one object or an array of them. */
export function kidsOf(dict: PDFDict): PDFObject[] {
  const kids = dict.get(PDFName.of('K'));
  if (kids === undefined) return [];
  return kids instanceof PDFArray ? kids.asArray() : [kids];
}

/** Every structure element under the structure tree root `root`, in document order (each once). */
export function structElements(context: PDFContext, root: PDFDict): StructElement[] {
  const elements: StructElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: PDFObject, parent: StructElement | undefined) => {
    const dict = resolve(context, value);
    if (!(dict instanceof PDFDict) || seen.has(dict) || !dict.has(PDFName.of('S'))) return;
    seen.add(dict);
    const element: StructElement = { dict, ref: value instanceof PDFRef ? value : undefined, parent };
    elements.push(element);
    for (const kid of kidsOf(dict)) visit(kid, element);
  };
  for (const kid of kidsOf(root)) visit(kid, undefined);
  return elements;
}

/** Every annotation of the document's pages, page by page, as dictionaries. */
export function annotationsOf(pdf: PDFDocument): PDFDict[] {
  return pdf
    .getPages()
    .flatMap((page) =>
      (page.node.Annots()?.asArray() ?? []).map((value) => resolve(pdf.context, value)).filter((annot): annot is PDFDict => annot instanceof PDFDict),
    );
}

/** The references of a page's content streams (`/Contents`: one or an array). */
export function contentRefs(page: PDFPageLeaf): PDFRef[] {
  const contents = page.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) return [contents];
  return contents instanceof PDFArray ? contents.asArray().filter((ref): ref is PDFRef => ref instanceof PDFRef) : [];
}

/** Content streams as one text, a character a byte (Latin-1), as `operations` reads them. */
export function contentText(streams: readonly PDFRawStream[]): string {
  return streams.map((stream) => Buffer.from(streamBytes(stream)).toString('latin1')).join('\n');
}

/**
 * A stream's decoded bytes. One compressed with Flate alone (every stream Chromium
 * writes) is inflated by Node's zlib: pdf-lib's decoder, in JavaScript, took a
 * sixth of the time it takes to mark a page's artifacts.
 */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const flate = filter === PDFName.of('FlateDecode') || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of('FlateDecode'));
  if (flate && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      // (As pdf-lib's, tolerant of a stream cut short.)
      return inflateSync(stream.contents, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      // pdf-lib's decoder reads what zlib refuses.
    }
  }
  return decodePDFRawStream(stream).decode();
}

/** The `/Lang` entries of a structure element and its ancestors, nearest first (as written, marks and all). */
export function languagesOf(context: PDFContext, element: PDFObject | undefined): string[] {
  const found: string[] = [];
  let at = resolve(context, element);
  for (let depth = 0; at instanceof PDFDict && depth < 256; depth++) {
    const lang = stringText(at.get(PDFName.of('Lang')));
    if (lang !== undefined) found.push(lang);
    at = resolve(context, at.get(PDFName.of('P')));
  }
  return found;
}
