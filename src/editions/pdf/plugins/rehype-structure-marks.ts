import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

export interface StructureMarksOptions {
  /** The book's language: what an element without `lang` around it is in. */
  language: string;
}

/** The marks, by element: a definition list's (`dl`, `dt`, `dd`), and a table's footer rows (`tr` in a `tfoot`). */
const ROLES: Record<string, string> = { dl: 'gdl', dt: 'gdt', dd: 'gdd', tr: 'gfoot' };

/** A mark at the end of a language (`en-x-gdt`). */
const MARK = /-g(dl|dt|dd|foot|rtl|ltr)$/i;

/** Blocks that may have a direction of their own (rehype-text-direction.ts): marked `-grtl` or `-gltr`. */
const DIRECTED = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'figcaption', 'caption']);

/**
 * Chromium tags a definition list (`<dl>`, `<dt>`, `<dd>`) as bare groupings,
 * so a screen reader does not know a term from its definition, and a table's
 * footer rows (`<tfoot>`) as bare rows, like its body's. For the print edition
 * only, each is marked in its language (`en` → `en-x-gdt`), the one thing
 * Chromium passes from an element to its tag, and so is a block with a direction
 * of its own (`dir`: `-grtl`, `-gltr`), for its right-to-left lines to be read in
 * order (bidi-order.ts); after printing, the PDF's
 * post-processing makes the list an `L` of `LI`s, each a term (`Lbl`) and its
 * definitions (`LBody`: definition-lists.ts), puts the footer rows in a `TFoot`
 * (table-sections.ts), and takes the marks out (split-pieces.ts).
 */
export function rehypeStructureMarks(options: StructureMarksOptions) {
  return (tree: Root) => {
    visitParents(tree, 'element', (node: Element, ancestors) => {
      const role =
        ROLES[node.tagName] ??
        (DIRECTED.has(node.tagName) && (node.properties.dir === 'rtl' || node.properties.dir === 'ltr') ? `g${node.properties.dir}` : undefined);
      if (!role) return;
      const parent = ancestors.at(-1);
      if (node.tagName === 'tr') {
        if (!(parent?.type === 'element' && parent.tagName === 'tfoot')) return;
      } else if (ROLES[node.tagName]) {
        // A term or definition outside a list (or in a `<div>` of one) is not one of its items.
        const list = parent?.type === 'element' && parent.tagName === 'div' ? ancestors.at(-2) : parent;
        if (node.tagName !== 'dl' && !(list?.type === 'element' && list.tagName === 'dl')) return;
      }
      const own = node.properties.lang;
      let lang = typeof own === 'string' && own.trim() !== '' ? own : undefined;
      for (let i = ancestors.length - 1; lang === undefined && i >= 0; i--) {
        const above = ancestors[i];
        const value = above?.type === 'element' ? above.properties.lang : undefined;
        // (Without the mark of a list around it.)
        if (typeof value === 'string' && value.trim() !== '') lang = value.replace(MARK, '').replace(/-x$/i, '');
      }
      lang ??= options.language;
      if (!/^[a-z]{2,8}(-[0-9a-z]{1,8})*$/i.test(lang)) return;
      node.properties.lang = `${lang}${/-x-/i.test(lang) ? '' : '-x'}-${role}`;
    });
  };
}
