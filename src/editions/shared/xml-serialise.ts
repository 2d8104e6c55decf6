import { stringifyEntitiesLight } from 'stringify-entities';
import { visit } from 'unist-util-visit';
import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML cannot hold
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text XML can hold: characters it cannot (C0 controls but tab and line ends,
 * U+FFFE, U+FFFF) dropped, lone surrogates replaced (U+FFFD). For values that must
 * read the same in XML and elsewhere (a PDF's information dictionary and its XMP).
 */
export const xmlSafe = (value: string): string => value.replace(loneSurrogate, '\uFFFD').replace(notXml, '');

/**
 * Text as XML character data: `&` and `<` escaped, and `>` where it would close
 * a CDATA section (`]]>` is not allowed in content; xast-util-to-xml lets it
 * through). Characters XML cannot hold at all were reported and removed by the
 * render stage; any left (in metadata) are dropped here.
 */
export const xmlText = (value: string): string => stringifyEntitiesLight(value.replace(notXml, ''), { subset: ['&', '<'] }).replace(/]]>/g, ']]&#x3E;');

/** Serialise an xast tree as well-formed XML, whatever its text holds (`xmlText`); empty elements closed. */
export function serialiseXml(tree: Root): string {
  const escaped = structuredClone(tree);
  visit(escaped, 'text', (node, index, parent) => {
    if (parent && index !== undefined) parent.children[index] = { type: 'raw', value: xmlText(node.value) } as unknown as typeof node;
  });
  return toXml(escaped, { closeEmptyElements: true, allowDangerousXml: true });
}
