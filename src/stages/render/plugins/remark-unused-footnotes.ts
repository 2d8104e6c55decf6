import type { FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { warn } from '../../../shared/messages.js';

/**
 * A note no reader sees: GFM prints only the notes that are called, and only the
 * first of two notes with the same label (labels match whatever their case). Each
 * note left out is a warning at the place it was written.
 */
export function remarkUnusedFootnotes() {
  return (tree: Root, file: VFile) => {
    const called = new Set<string>();
    visit(tree, 'footnoteReference', (node) => {
      called.add(node.identifier);
    });
    const seen = new Map<string, FootnoteDefinition>();
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
      const first = seen.get(node.identifier);
      if (first) {
        const line = first.position ? ` (line ${first.position.start.line})` : '';
        warn(
          file,
          'unused-footnote',
          `The note \`[^${node.label ?? node.identifier}]\` is written twice: only the first${line} is printed`,
          node.position?.start,
        );
        return;
      }
      seen.set(node.identifier, node);
      if (!called.has(node.identifier)) {
        warn(
          file,
          'unused-footnote',
          `The note \`[^${node.label ?? node.identifier}]\` is never called, so it is not printed: call it with \`[^${node.label ?? node.identifier}]\` in the text`,
          node.position?.start,
        );
      }
    });
  };
}
