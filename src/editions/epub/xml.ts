import type { Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { SaxesParser } from 'saxes';
import type { Root as XastRoot } from 'xast';
import { BuildFailure } from '../../shared/messages.js';
import { serialiseXml } from '../shared/xml-serialise.js';

const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;

/** Serialise an xast tree as an XML document, with its declaration. */
export function xmlDocument(tree: XastRoot): string {
  return `${serialiseXml({ type: 'root', children: [declaration, { type: 'text', value: '\n' }, ...tree.children] })}\n`;
}

/**
 * Serialise a hast tree as XHTML: real XML through xast (namespaces, every
 * metacharacter escaped, no named entities, empty elements closed).
 */
export function xhtmlDocument(tree: HastRoot): string {
  return xmlDocument(toXast(tree) as XastRoot);
}

/**
 * Parse a document of the e-book with a strict, namespace-aware XML parser.
 * Galley makes them as trees, so an error here is a bug in Galley: the build
 * stops rather than write an e-book that readers show cut off.
 */
export function assertWellFormed(path: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let problem: Error | undefined;
  parser.on('error', (error) => {
    problem ??= error;
  });
  parser.write(xml).close();
  if (problem)
    throw new BuildFailure(`The e-book's ${path} is not well-formed XML (${problem.message}); this is a bug in Galley, please report it with the manuscript`);
}
