import type { Element, Instruction, Root } from 'xast';
import { x } from 'xastscript';
import { serialiseXml } from '../shared/xml-serialise.js';

/** What a PDF says about itself: the document information dictionary's entries, mirrored in XMP. */
export interface DocumentMetadata {
  /** `Title` ↔ `dc:title`. */
  title: string;
  /** `Author` ↔ `dc:creator` (one entry: the names as the `Author` string has them). */
  author: string;
  /** `Subject` ↔ `dc:description`. */
  subject: string | undefined;
  /** `Keywords` ↔ `pdf:Keywords`; the subjects themselves go to `dc:subject`. */
  keywords: readonly string[];
  /** `Lang` of the catalog ↔ `dc:language`. */
  language: string;
  /** `Rights` ↔ `dc:rights`. */
  rights: string | undefined;
  /** `Identifier` ↔ `dc:identifier` and `xmpMM:DocumentID`. */
  identifier: string;
  publisher: string | undefined;
  /** `Creator` ↔ `xmp:CreatorTool`. */
  creatorTool: string;
  /** `Producer` ↔ `pdf:Producer`. */
  producer: string;
  /** `CreationDate` and `ModDate` ↔ `xmp:CreateDate`, `xmp:ModifyDate`, `xmp:MetadataDate`; none without a date. */
  date: Date | undefined;
  /** This file's own id (`xmpMM:InstanceID`), from its content. */
  instanceId: string;
  /** The PDF/A part and conformance level the file claims (`pdfaid:part`, `pdfaid:conformance`), if it claims one. */
  pdfa?: { part: number; conformance: 'A' | 'B' | 'U' } | undefined;
  /** The PDF/UA part the file claims (`pdfuaid:part`), if it claims one. */
  pdfua?: { part: number } | undefined;
}

/** The `Keywords` entry: the subjects, which may contain spaces themselves, joined with semicolons. */
export const keywordsOf = (subjects: readonly string[]): string => subjects.join('; ');

const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
  pdfaExtension: 'http://www.aiim.org/pdfa/ns/extension/',
  pdfaSchema: 'http://www.aiim.org/pdfa/ns/schema#',
  pdfaProperty: 'http://www.aiim.org/pdfa/ns/property#',
} as const;

const instruction = (value: string): Instruction => ({ type: 'instruction', name: 'xpacket', value });
const alt = (name: string, value: string) => x(name, [x('rdf:Alt', [x('rdf:li', { 'xml:lang': 'x-default' }, value)])]);
const list = (name: string, kind: 'rdf:Seq' | 'rdf:Bag', values: readonly string[]) =>
  x(name, [
    x(
      kind,
      values.map((value) => x('rdf:li', value)),
    ),
  ]);
/** XMP dates: ISO 8601 in UTC, to the second (as the information dictionary's dates). */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The XMP metadata packet (ISO 16684-1) of a PDF: the same title, author,
 * subject, keywords, dates and tools as its information dictionary, plus the
 * language, rights, publisher and identifiers. Built as an XML tree, serialised
 * once; read-only (`end="w"` only says the packet may be rewritten in place).
 */
export function xmpPacket(meta: DocumentMetadata): string {
  const properties: Element[] = [
    x('dc:format', 'application/pdf'),
    alt('dc:title', meta.title),
    list('dc:creator', 'rdf:Seq', [meta.author]),
    ...(meta.subject === undefined ? [] : [alt('dc:description', meta.subject)]),
    ...(meta.keywords.length === 0 ? [] : [list('dc:subject', 'rdf:Bag', meta.keywords)]),
    list('dc:language', 'rdf:Bag', [meta.language]),
    ...(meta.rights === undefined ? [] : [alt('dc:rights', meta.rights)]),
    ...(meta.publisher === undefined ? [] : [list('dc:publisher', 'rdf:Bag', [meta.publisher])]),
    x('dc:identifier', meta.identifier),
    x('xmp:CreatorTool', meta.creatorTool),
    ...(meta.date === undefined
      ? []
      : [x('xmp:CreateDate', xmpDate(meta.date)), x('xmp:ModifyDate', xmpDate(meta.date)), x('xmp:MetadataDate', xmpDate(meta.date))]),
    x('pdf:Producer', meta.producer),
    ...(meta.keywords.length === 0 ? [] : [x('pdf:Keywords', keywordsOf(meta.keywords))]),
    x('xmpMM:DocumentID', meta.identifier),
    x('xmpMM:InstanceID', meta.instanceId),
    ...(meta.pdfa === undefined ? [] : [x('pdfaid:part', String(meta.pdfa.part)), x('pdfaid:conformance', meta.pdfa.conformance)]),
    ...(meta.pdfua === undefined ? [] : [x('pdfuaid:part', String(meta.pdfua.part))]),
  ];
  const description = x(
    'rdf:Description',
    {
      'rdf:about': '',
      'xmlns:dc': NS.dc,
      'xmlns:xmp': NS.xmp,
      'xmlns:pdf': NS.pdf,
      'xmlns:xmpMM': NS.xmpMM,
      ...(meta.pdfa === undefined ? {} : { 'xmlns:pdfaid': NS.pdfaid }),
      ...(meta.pdfua === undefined ? {} : { 'xmlns:pdfuaid': NS.pdfuaid }),
    },
    properties,
  );
  // PDF/A knows the schemas of XMP itself and its own; another (PDF/UA's) is described in the file.
  const extensions = meta.pdfa !== undefined && meta.pdfua !== undefined ? [pdfUaSchemaDescription()] : [];
  const tree: Root = x(null, [
    instruction('begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"'),
    x('x:xmpmeta', { 'xmlns:x': NS.x }, [x('rdf:RDF', { 'xmlns:rdf': NS.rdf }, [description, ...extensions])]),
    instruction('end="w"'),
  ]);
  return serialiseXml(tree);
}

/** The PDF/A extension schema (ISO 19005-1, 6.7.2.2) that describes the PDF/UA identification schema's one property. */
function pdfUaSchemaDescription(): Element {
  const resource = { 'rdf:parseType': 'Resource' };
  return x(
    'rdf:Description',
    { 'rdf:about': '', 'xmlns:pdfaExtension': NS.pdfaExtension, 'xmlns:pdfaSchema': NS.pdfaSchema, 'xmlns:pdfaProperty': NS.pdfaProperty },
    [
      x('pdfaExtension:schemas', [
        x('rdf:Bag', [
          x('rdf:li', resource, [
            x('pdfaSchema:schema', 'PDF/UA identification schema'),
            x('pdfaSchema:namespaceURI', NS.pdfuaid),
            x('pdfaSchema:prefix', 'pdfuaid'),
            x('pdfaSchema:property', [
              x('rdf:Seq', [
                x('rdf:li', resource, [
                  x('pdfaProperty:name', 'part'),
                  x('pdfaProperty:valueType', 'Integer'),
                  x('pdfaProperty:category', 'internal'),
                  x('pdfaProperty:description', 'The part of ISO 14289 (PDF/UA) the file conforms to'),
                ]),
              ]),
            ]),
          ]),
        ]),
      ]),
    ],
  );
}
