import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit } from 'unist-util-visit';
import { fail } from '../../../shared/messages.js';

/** A footnote call as written: `[^label]`, not escaped (`\[^label]` prints as it is). */
const CALL = /(?<!\\)\[\^([^\]\s]+)\]/g;

/**
 * A footnote call without its note: GFM leaves `[^x]` as text when no `[^x]: …`
 * is written in the same file, and the reader would get the brackets. Each is an
 * error at the place it was written (found in the source, where escapes still show).
 */
export function remarkUndefinedFootnotes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const places = location(file);
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !node.value.includes('[^')) return;
      for (const match of source.slice(start, end).matchAll(CALL)) {
        const place = places.toPoint(start + match.index);
        fail(
          file,
          'undefined-footnote',
          `Unexpected footnote call \`[^${match[1]}]\` without a note: write \`[^${match[1]}]: …\` in this chapter, or \`\\[^${match[1]}]\` for the text itself`,
          place,
        );
      }
    });
  };
}
