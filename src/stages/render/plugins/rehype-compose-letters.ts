import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { composeLetters } from '../../../shared/compose-letters.js';

/** Elements whose text is kept exactly as written. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/** Letters written apart are set composed (`composeLetters`), in every edition; not in code. */
export function rehypeComposeLetters() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
      if (node.type === 'text') node.value = composeLetters(node.value);
    });
  };
}
