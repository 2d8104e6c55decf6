import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { warn } from '../../../shared/messages.js';

/**
 * Characters no edition can carry: C0 controls other than tab and line ends, DEL
 * and the C1 controls (XML forbids or discourages them, and they print as
 * nothing or a box), the non-characters (U+FDD0–U+FDEF and the last two of every
 * plane), and unpaired surrogates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: those are the characters to find
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}\p{Cs}]/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Remove characters no edition can carry from text and attributes, with a warning at their place. */
export function rehypeControlCharacters() {
  return (tree: Root, file: VFile) => {
    const clean = (value: string, place: Parameters<typeof warn>[3]) => {
      const found = [...new Set(value.match(forbidden) ?? [])];
      if (found.length === 0) return value;
      warn(
        file,
        'control-character',
        `Unexpected ${found.map(codePoint).join(', ')} (a control character or non-character); it was removed, since no edition can carry it`,
        place,
      );
      return value.replace(forbidden, '');
    };
    visit(tree, (node) => {
      if (node.type === 'text') node.value = clean(node.value, node.position?.start);
      else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[name] = clean(value, node.position?.start);
        }
      }
    });
  };
}
