import { PDFArray, PDFBool, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { markArtifacts } from './mark-artifacts.js';
import { contentRefs, contentText } from './pdf-trees.js';
import { STANDARD_STRUCTURE_TYPES } from './role-map.js';

/** A condition of PDF/UA-1 a file does not meet. */
export interface UaProblem {
  /** The Matterhorn Protocol checkpoint (its number) and our name of the condition. */
  checkpoint: string;
  message: string;
}

const text = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : undefined;

/**
 * The machine-checkable conditions of PDF/UA-1 (ISO 14289-1, as the Matterhorn
 * Protocol numbers them) that bear on Galley's books, checked on the file's
 * objects: a tagged file (`/MarkInfo`, a structure tree, `/Lang`, the title shown),
 * every page's painting tagged or an artifact (01), structure types standard or
 * role-mapped to one (02), headings without a skipped level (14), figures with
 * alternate text (13), tables with header cells and data cells that name theirs
 * (15), lists of items of a label and a body, notes with ids and ids unique (19),
 * and every annotation tagged, described and in tab order of the structure (28).
 * Not here: the metadata stream's content (the XMP Galley writes says the title)
 * and the fonts (embedded by Chromium; the .notdef glyph is found by `notdefUses`).
 * What a `--pdf-standard pdfua-1` build checks before it claims the standard, and
 * what the tests check every PDF they build against.
 */
export function pdfUaProblems(pdf: PDFDocument): UaProblem[] {
  const { context, catalog } = pdf;
  const problems: UaProblem[] = [];
  const find = (checkpoint: string, message: string) => problems.push({ checkpoint, message });
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? context.lookup(value) : value);
  const dict = (holder: PDFDict, key: string) => {
    const value = lookup(holder.get(PDFName.of(key)));
    return value instanceof PDFDict ? value : undefined;
  };
  if (!(lookup(catalog.get(PDFName.of('Metadata'))) instanceof PDFRawStream)) find('06 metadata', 'the catalog has no XMP metadata stream');
  if (dict(catalog, 'ViewerPreferences')?.get(PDFName.of('DisplayDocTitle')) !== PDFBool.True) find('07 display-doc-title', 'DisplayDocTitle is not true');
  if (dict(catalog, 'MarkInfo')?.get(PDFName.of('Marked')) !== PDFBool.True) find('01 marked', 'MarkInfo /Marked is not true');
  if (!text(catalog.get(PDFName.of('Lang')))?.trim()) find('11 lang', 'the catalog has no /Lang');
  const root = dict(catalog, 'StructTreeRoot');
  if (root) structureProblems(pdf, root, find);
  else find('01 struct-tree', 'there is no structure tree');
  pdf.getPages().forEach((page, index) => {
    const streams = contentRefs(page.node).map((ref) => context.lookup(ref));
    if (streams.every((stream) => stream instanceof PDFRawStream) && markArtifacts(contentText(streams as PDFRawStream[])) !== undefined) {
      find('01 untagged-content', `page ${index + 1} paints outside tagged content and artifacts`);
    }
    const annots = page.node.Annots();
    if (!annots || annots.size() === 0) return;
    if (page.node.get(PDFName.of('Tabs')) !== PDFName.of('S')) find('28 tabs', `page ${index + 1} has annotations but no /Tabs /S`);
    for (const value of annots.asArray()) {
      const annot = lookup(value);
      if (!(annot instanceof PDFDict)) continue;
      const subtype = text(annot.get(PDFName.of('Subtype')));
      if (subtype === 'Popup') continue;
      if (!text(annot.get(PDFName.of('Contents')))?.trim()) find('28 annot-contents', `a ${subtype} annotation on page ${index + 1} has no /Contents`);
      if (!(annot.get(PDFName.of('StructParent')) instanceof PDFNumber))
        find('28 annot-tagged', `a ${subtype} annotation on page ${index + 1} is not in the structure tree`);
    }
  });
  return problems;
}

/** The conditions on the structure tree under `root`. */
function structureProblems(pdf: PDFDocument, root: PDFDict, find: (checkpoint: string, message: string) => void): void {
  const { context } = pdf;
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? context.lookup(value) : value);
  const roleMap = lookup(root.get(PDFName.of('RoleMap')));
  /** The standard type `type` is, or is mapped to (through other types); `undefined` if none. */
  const standard = (type: string): string | undefined => {
    const seen = new Set<string>();
    let current = type;
    while (!STANDARD_STRUCTURE_TYPES.has(current)) {
      if (seen.has(current)) return undefined;
      seen.add(current);
      const mapped = roleMap instanceof PDFDict ? roleMap.get(PDFName.of(current)) : undefined;
      if (!(mapped instanceof PDFName)) return undefined;
      current = mapped.decodeText();
    }
    return current;
  };
  const kidsOf = (node: PDFDict) => {
    const kids = lookup(node.get(PDFName.of('K')));
    return kids instanceof PDFArray ? kids.asArray().map(lookup) : [kids];
  };
  const roleOf = (node: PDFObject | undefined) => {
    const type = node instanceof PDFDict ? text(node.get(PDFName.of('S'))) : undefined;
    return type === undefined ? undefined : (standard(type) ?? '');
  };
  const childRoles = (node: PDFDict) => kidsOf(node).flatMap((kid) => roleOf(kid) ?? []);
  const hasDescendant = (node: PDFDict, role: string): boolean =>
    kidsOf(node).some((kid) => kid instanceof PDFDict && roleOf(kid) !== undefined && (roleOf(kid) === role || hasDescendant(kid, role)));
  const emptyHeaders = (node: PDFDict) => {
    const attributes = lookup(node.get(PDFName.of('A')));
    const dicts = attributes instanceof PDFArray ? attributes.asArray().map(lookup) : [attributes];
    return dicts.some((attribute) => {
      const headers = attribute instanceof PDFDict ? lookup(attribute.get(PDFName.of('Headers'))) : undefined;
      return headers instanceof PDFArray && headers.size() === 0;
    });
  };
  let lastLevel = 0;
  const ids = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (value: PDFObject | undefined) => {
    const node = lookup(value);
    if (node === undefined || seen.has(node)) return;
    seen.add(node);
    if (node instanceof PDFArray) {
      for (const item of node.asArray()) visit(item);
      return;
    }
    if (!(node instanceof PDFDict)) return;
    const type = text(node.get(PDFName.of('S')));
    if (type !== undefined) {
      const role = standard(type);
      if (role === undefined) find('02 role-map', `structure type ${type} is neither standard nor role-mapped to a standard type`);
      const level = role === undefined ? undefined : /^H([1-6])$/.exec(role)?.[1];
      if (level !== undefined) {
        if (Number(level) > lastLevel + 1) find('14 heading-levels', `an H${level} follows an H${lastLevel || '(none)'}: a level is skipped`);
        lastLevel = Number(level);
      }
      if (role === 'Figure' && !text(node.get(PDFName.of('Alt')))?.trim() && !text(node.get(PDFName.of('ActualText')))?.trim()) {
        find('13 figure-alt', 'a Figure has no alternate text');
      }
      // (A table with no cells at all, as Chromium tags a Markdown table of empty cells, has nothing to head.)
      if (role === 'Table' && hasDescendant(node, 'TD') && !hasDescendant(node, 'TH'))
        find('15 table-headers', 'a Table has data cells but no header cells (TH)');
      // (A data cell that names its header cells names some: an empty /Headers says it has none.)
      if (role === 'TD' && emptyHeaders(node)) find('15 td-headers', 'a TD has an empty /Headers');
      // Lists as ISO 32000-1 (14.8.4.3.3) reads them: an L holds items (and a caption), an item its label and body.
      if (role === 'LI' && childRoles(node).some((kid) => kid !== 'Lbl' && kid !== 'LBody'))
        find('lists li-children', `an LI holds ${childRoles(node).join(', ')}`);
      if (role === 'L' && childRoles(node).some((kid) => kid !== 'LI' && kid !== 'Caption' && kid !== 'L'))
        find('lists l-children', `an L holds ${childRoles(node).join(', ')}`);
      const id = text(node.get(PDFName.of('ID')));
      if (role === 'Note' && !id) find('19 note-id', 'a Note has no /ID');
      if (id !== undefined) {
        if (ids.has(id)) find('19 unique-ids', `two structure elements have the /ID ${JSON.stringify(id)}`);
        ids.add(id);
      }
    }
    visit(node.get(PDFName.of('K')));
  };
  visit(root.get(PDFName.of('K')));
}
