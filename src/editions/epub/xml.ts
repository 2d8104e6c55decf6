import type { Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Root as XastRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';

const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;

/** Serialise an xast tree as an XML document, with its declaration. */
export function xmlDocument(tree: XastRoot): string {
  return `${toXml({ type: 'root', children: [declaration, { type: 'text', value: '\n' }, ...tree.children] }, { closeEmptyElements: true })}\n`;
}

/**
 * Serialise a hast tree as XHTML: real XML through xast (namespaces, every
 * metacharacter escaped, no named entities, empty elements closed).
 */
export function xhtmlDocument(tree: HastRoot): string {
  return xmlDocument(toXast(tree) as XastRoot);
}
