import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import type { OutlineEntry } from '../../../model/book.js';
import { textWithoutNoteCalls } from '../../../shared/heading-text.js';
import '../file-data.js';

/**
 * Record the chapter's headings (depth, id, text without footnote calls, and the
 * language of a heading in another one) in `file.data.outline`. A heading inside
 * the notes (the notes' label, or one a note holds) is not the chapter's.
 */
export function rehypeOutline() {
  return (tree: Root, file: VFile) => {
    const outline: OutlineEntry[] = [];
    visitParents(tree, 'element', (node, ancestors) => {
      const depth = headingRank(node);
      if (depth === undefined || typeof node.properties.id !== 'string') return;
      if (ancestors.some((above) => above.type === 'element' && above.properties.dataFootnotes !== undefined)) return;
      const entry: OutlineEntry = { depth, id: node.properties.id, text: textWithoutNoteCalls(node).replace(/\s+/g, ' ').trim() };
      const lang = [node, ...ancestors.toReversed()].map((at) => (at.type === 'element' ? at.properties.lang : undefined)).find((value) => value !== undefined);
      outline.push(typeof lang === 'string' && lang !== '' ? { ...entry, lang } : entry);
    });
    file.data.outline = outline;
  };
}
