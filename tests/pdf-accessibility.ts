// The machine-checkable conditions of PDF/UA-1 (ISO 14289-1, as the Matterhorn
// Protocol lists them) that Galley's books meet, checked on a PDF's objects with
// pdf-lib, and the pages' content streams with qpdf's parser (pikepdf, not
// Galley's own). Each finding names its Matterhorn checkpoint. Not checked: the
// conditions on fonts (31) and on content Galley never makes (forms, media).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { STANDARD_STRUCTURE_TYPES } from '../src/editions/pdf/role-map.js';

export interface Finding {
  /** The Matterhorn checkpoint (its number) and our name of the condition. */
  checkpoint: string;
  message: string;
}

const text = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : undefined;

function xmlElements(root: Root, name: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const xmlText = (node: Element): string =>
  node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? xmlText(child) : '')).join('');

/** qpdf's reading of every page: how many painting operators lie outside tagged content (an MCID) and artifacts. */
const UNMARKED = `
import json, sys, pikepdf
paint = {'Tj', 'TJ', "'", '"', 'Do', 'sh', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'INLINE IMAGE'}
found = []
with pikepdf.open(sys.argv[1]) as pdf:
    for number, page in enumerate(pdf.pages, 1):
        # For each sequence open: does it tag (an MCID) or hide (an artifact) what it holds?
        sequences, count = [], 0
        for instruction in pikepdf.parse_content_stream(page):
            operator, operands = str(instruction.operator), instruction.operands
            if operator in ('BMC', 'BDC'):
                properties = operands[1] if operator == 'BDC' and len(operands) > 1 else None
                tags = isinstance(properties, pikepdf.Dictionary) and '/MCID' in properties
                sequences.append(str(operands[0]) == '/Artifact' or tags)
            elif operator == 'EMC':
                if sequences: sequences.pop()
            elif operator in paint and not any(sequences): count += 1
        if count: found.append([number, count])
print(json.dumps(found))
`;

async function unmarkedPainting(bytes: Uint8Array): Promise<Array<[page: number, operators: number]>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'galley-ua-'));
  try {
    const file = path.join(dir, 'book.pdf');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', UNMARKED, file], { maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as Array<[number, number]>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a PDF lacks of the PDF/UA conditions checked here (none: it meets them). */
export async function accessibilityFindings(bytes: Uint8Array): Promise<Finding[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = pdf;
  const findings: Finding[] = [];
  const find = (checkpoint: string, message: string) => findings.push({ checkpoint, message });
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? context.lookup(value) : value);
  const dict = (holder: PDFDict, key: string) => {
    const value = lookup(holder.get(PDFName.of(key)));
    return value instanceof PDFDict ? value : undefined;
  };

  // 06: metadata
  const metadata = lookup(catalog.get(PDFName.of('Metadata')));
  const info = lookup(context.trailerInfo.Info);
  const infoTitle = info instanceof PDFDict ? text(info.get(PDFName.of('Title'))) : undefined;
  if (!(metadata instanceof PDFRawStream) || metadata.dict.get(PDFName.of('Subtype')) !== PDFName.of('XML')) {
    find('06 metadata', 'the catalog has no XMP metadata stream');
  } else {
    const xmp = fromXml(new TextDecoder().decode(metadata.getContents()));
    const titles = xmlElements(xmp, 'dc:title')
      .flatMap((title) => xmlElements({ type: 'root', children: [title] }, 'rdf:li'))
      .map(xmlText);
    if (titles.length === 0 || titles.every((title) => title.trim() === '')) find('06 dc-title', 'the XMP metadata has no dc:title');
    else if (infoTitle !== undefined && !titles.includes(infoTitle))
      find('06 dc-title', `dc:title ${JSON.stringify(titles)} is not the Title ${JSON.stringify(infoTitle)}`);
  }
  if (!(context.trailerInfo.ID instanceof PDFArray) || context.trailerInfo.ID.size() !== 2) find('file-id', 'the trailer has no /ID');

  // 07: dictionaries
  const preferences = dict(catalog, 'ViewerPreferences');
  if (preferences?.get(PDFName.of('DisplayDocTitle')) !== PDFBool.True) find('07 display-doc-title', 'DisplayDocTitle is not true');
  const markInfo = dict(catalog, 'MarkInfo');
  if (markInfo?.get(PDFName.of('Marked')) !== PDFBool.True) find('01 marked', 'MarkInfo /Marked is not true');

  // 11: natural language
  if (!text(catalog.get(PDFName.of('Lang')))?.trim()) find('11 lang', 'the catalog has no /Lang');

  // 02, 13, 14, 15, 19: the structure tree
  const root = dict(catalog, 'StructTreeRoot');
  if (!root) {
    find('01 struct-tree', 'there is no structure tree');
  } else {
    const roleMap = dict(root, 'RoleMap');
    const standard = (type: string): string | undefined => {
      const seen = new Set<string>();
      let current = type;
      while (!STANDARD_STRUCTURE_TYPES.has(current)) {
        if (seen.has(current)) return undefined;
        seen.add(current);
        const mapped = roleMap?.get(PDFName.of(current));
        if (!(mapped instanceof PDFName)) return undefined;
        current = mapped.decodeText();
      }
      return current;
    };
    let lastLevel = 0;
    const ids = new Set<string>();
    const seen = new Set<PDFObject>();
    const visit = (value: PDFObject | undefined) => {
      const node = lookup(value);
      if (node === undefined || seen.has(node)) return;
      seen.add(node);
      if (node instanceof PDFArray) {
        for (let i = 0; i < node.size(); i++) visit(node.get(i));
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
        const kidRoles = () => childElements(node).map((kid) => standard(text(kid.get(PDFName.of('S'))) ?? '') ?? '');
        if (role === 'LI' && kidRoles().some((kid) => kid !== 'Lbl' && kid !== 'LBody')) find('lists li-children', `an LI holds ${kidRoles().join(', ')}`);
        if (role === 'L' && kidRoles().some((kid) => kid !== 'LI' && kid !== 'Caption' && kid !== 'L'))
          find('lists l-children', `an L holds ${kidRoles().join(', ')}`);
        // 19: notes have ids, and no two elements share one.
        const id = text(node.get(PDFName.of('ID')));
        if (role === 'Note' && !id) find('19 note-id', 'a Note has no /ID');
        if (id !== undefined) {
          if (ids.has(id)) find('19 unique-ids', `two structure elements have the /ID ${JSON.stringify(id)}`);
          ids.add(id);
        }
      }
      visit(node.get(PDFName.of('K')));
    };
    const childElements = (node: PDFDict): PDFDict[] => {
      const kids = lookup(node.get(PDFName.of('K')));
      const list = kids instanceof PDFArray ? kids.asArray().map(lookup) : [kids];
      return list.filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of('S')));
    };
    const emptyHeaders = (node: PDFDict) => {
      const attributes = lookup(node.get(PDFName.of('A')));
      const dicts = attributes instanceof PDFArray ? attributes.asArray().map(lookup) : [attributes];
      return dicts.some((attribute) => {
        const headers = attribute instanceof PDFDict ? lookup(attribute.get(PDFName.of('Headers'))) : undefined;
        return headers instanceof PDFArray && headers.size() === 0;
      });
    };
    const hasDescendant = (node: PDFDict, role: string): boolean => {
      const kids = lookup(node.get(PDFName.of('K')));
      const list = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
      return list.some((kid) => {
        const child = lookup(kid);
        if (!(child instanceof PDFDict)) return false;
        const type = text(child.get(PDFName.of('S')));
        return (type !== undefined && standard(type) === role) || hasDescendant(child, role);
      });
    };
    visit(root.get(PDFName.of('K')));
  }

  // 01: everything painted is tagged content or an artifact
  for (const [page, operators] of await unmarkedPainting(bytes)) {
    find('01 untagged-content', `page ${page} paints ${operators} times outside tagged content and artifacts`);
  }

  // 28: annotations
  pdf.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!annots || annots.size() === 0) return;
    if (page.node.get(PDFName.of('Tabs')) !== PDFName.of('S')) find('28 tabs', `page ${index + 1} has annotations but no /Tabs /S`);
    for (let i = 0; i < annots.size(); i++) {
      const annot = lookup(annots.get(i));
      if (!(annot instanceof PDFDict)) continue;
      const subtype = text(annot.get(PDFName.of('Subtype')));
      if (subtype === 'Popup') continue;
      if (!text(annot.get(PDFName.of('Contents')))?.trim()) find('28 annot-contents', `a ${subtype} annotation on page ${index + 1} has no /Contents`);
      if (!(annot.get(PDFName.of('StructParent')) instanceof PDFNumber))
        find('28 annot-tagged', `a ${subtype} annotation on page ${index + 1} is not in the structure tree`);
    }
  });
  return findings;
}
