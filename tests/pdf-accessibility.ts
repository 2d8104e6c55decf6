// The machine-checkable conditions of PDF/UA-1 (ISO 14289-1, as the Matterhorn
// Protocol lists them) that Galley's books meet: Galley's own checks
// (src/editions/pdf/pdfua.ts), and the XMP's title, the file id and the pages'
// content streams read with qpdf's parser (pikepdf, not Galley's own). Each
// finding names its Matterhorn checkpoint. Not checked: the conditions on fonts
// (31: the .notdef glyph has tests of its own) and on content Galley never makes
// (forms, media).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { pdfUaProblems, type UaProblem } from '../src/editions/pdf/pdfua.js';

export type Finding = UaProblem;

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

/**
 * What a PDF lacks of the PDF/UA conditions checked here (none: it meets them):
 * Galley's own checks (`pdfUaProblems`, what a `pdfua-1` build checks before it
 * claims the standard), and beside them the XMP's title (06), the file id, and
 * every page's painting tagged or an artifact as qpdf's parser reads the pages (01).
 */
export async function accessibilityFindings(bytes: Uint8Array): Promise<Finding[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = pdf;
  const findings: Finding[] = pdfUaProblems(pdf);
  const find = (checkpoint: string, message: string) => findings.push({ checkpoint, message });
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? context.lookup(value) : value);

  // 06: metadata
  const metadata = lookup(catalog.get(PDFName.of('Metadata')));
  const info = lookup(context.trailerInfo.Info);
  const infoTitle = info instanceof PDFDict ? text(info.get(PDFName.of('Title'))) : undefined;
  if (metadata instanceof PDFRawStream) {
    const xmp = fromXml(new TextDecoder().decode(metadata.getContents()));
    const titles = xmlElements(xmp, 'dc:title')
      .flatMap((title) => xmlElements({ type: 'root', children: [title] }, 'rdf:li'))
      .map(xmlText);
    if (metadata.dict.get(PDFName.of('Subtype')) !== PDFName.of('XML')) find('06 metadata', 'the metadata stream is not XML');
    if (titles.length === 0 || titles.every((title) => title.trim() === '')) find('06 dc-title', 'the XMP metadata has no dc:title');
    else if (infoTitle !== undefined && !titles.includes(infoTitle))
      find('06 dc-title', `dc:title ${JSON.stringify(titles)} is not the Title ${JSON.stringify(infoTitle)}`);
  }
  if (!(context.trailerInfo.ID instanceof PDFArray) || context.trailerInfo.ID.size() !== 2) find('file-id', 'the trailer has no /ID');

  // 01: everything painted is tagged content or an artifact, as qpdf reads the pages
  for (const [page, operators] of await unmarkedPainting(bytes)) {
    find('01 untagged-content', `page ${page} paints ${operators} times outside tagged content and artifacts (qpdf)`);
  }
  return findings;
}
