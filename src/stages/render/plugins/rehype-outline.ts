import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { OutlineEntry } from '../../../model/book.js';
import { textWithoutNoteCalls } from '../../../shared/heading-text.js';
import '../file-data.js';

/** Record the chapter's headings (depth, id, text without footnote calls) in `file.data.outline`. */
export function rehypeOutline() {
  return (tree: Root, file: VFile) => {
    const outline: OutlineEntry[] = [];
    visit(tree, 'element', (node, _index, parent) => {
      const depth = headingRank(node);
      if (depth === undefined || typeof node.properties.id !== 'string') return;
      // The footnotes label is navigation, not content.
      if (parent?.type === 'element' && parent.properties.dataFootnotes !== undefined) return;
      outline.push({ depth, id: node.properties.id, text: textWithoutNoteCalls(node).replace(/\s+/g, ' ').trim() });
    });
    file.data.outline = outline;
  };
}
