import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit } from 'unist-util-visit';
import { fail } from '../../../shared/messages.js';
import { isShownAddress } from '../shown-address.js';

/** A footnote call as written: `[^label]`, not escaped (`\[^label]` prints as it is; `\\[^label]` is a backslash and a call). */
const CALL = /(?<!\\)((?:\\\\)*)\[\^([^\]\s]+)\]/g;

/**
 * A footnote call without its note: GFM leaves `[^x]` as text when no `[^x]: …`
 * is written in the same file, and the reader would get the brackets. Each is an
 * error at the place it was written (found in the source, where escapes still show).
 */
export function remarkUndefinedFootnotes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const places = location(file);
    visit(tree, 'text', (node: Text, _index, parent) => {
      // An address shown as itself (`<https://…/[^b]>`, `www.…`) holds no call.
      if (isShownAddress(node, parent)) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !node.value.includes('[^')) return;
      for (const match of source.slice(start, end).matchAll(CALL)) {
        const place = places.toPoint(start + match.index + match[1]!.length);
        const label = match[2];
        fail(
          file,
          'undefined-footnote',
          `Unexpected footnote call \`[^${label}]\` without a note: write \`[^${label}]: …\` in this chapter, or \`\\[^${label}]\` for the text itself`,
          place,
        );
      }
    });
  };
}
