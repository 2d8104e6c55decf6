import type { Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { SaxesParser } from 'saxes';
import { stringifyEntitiesLight } from 'stringify-entities';
import { visit } from 'unist-util-visit';
import type { Root as XastRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { BuildFailure } from '../../shared/messages.js';

const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as XML character data: `&` and `<` escaped, and `>` where it would close
 * a CDATA section (`]]>` is not allowed in content; xast-util-to-xml lets it
 * through). Characters XML cannot hold at all were reported and removed by the
 * render stage; any left (in metadata) are dropped here.
 */
export const xmlText = (value: string): string => stringifyEntitiesLight(value.replace(notXml, ''), { subset: ['&', '<'] }).replace(/]]>/g, ']]&#x3E;');

/** Serialise an xast tree as an XML document, with its declaration. */
export function xmlDocument(tree: XastRoot): string {
  const escaped = structuredClone(tree);
  visit(escaped, 'text', (node, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: 'raw', value: xmlText(node.value) } as unknown as typeof node;
  });
  return `${toXml({ type: 'root', children: [declaration, { type: 'text', value: '\n' }, ...escaped.children] }, { closeEmptyElements: true, allowDangerousXml: true })}\n`;
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
