import type { Parent, Text } from 'mdast';

/**
 * Whether a text is a link's address shown as itself (`<https://…>`, `www.…`,
 * `<mailto:…>`): it is written as the address is, not as prose.
 */
export function isShownAddress(text: Text, parent: Parent | undefined): boolean {
  return parent?.type === 'link' && 'url' in parent && typeof parent.url === 'string' && parent.url.endsWith(text.value);
}
