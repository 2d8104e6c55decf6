import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { PageStart } from '../../model/print-layout.js';

/** A marker inserted into a chapter. */
export interface PageMarker {
  /** The page's number in the book, and its folio. */
  page: number;
  label: string;
  id: string;
}

/**
 * Insert `doc-pagebreak` markers where the print edition's pages start, moving a
 * position that falls inside a word back to the word's start (words as the book's
 * `language` segments them: in Japanese or Thai, where no spaces part them too).
 * The block numbers (`data-block`) that locate them are removed afterwards.
 */
export function insertPageMarkers(tree: Root, starts: readonly PageStart[], language?: string): PageMarker[] {
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  const byBlock = new Map<string, PageStart[]>();
  for (const start of starts) byBlock.set(start.block, [...(byBlock.get(start.block) ?? []), start]);
  const markers: PageMarker[] = [];
  const before: Array<{ parent: Element | Root; node: Element; marker: Element }> = [];
  visit(tree, 'element', (node: Element, _index, parent) => {
    const block = node.properties.dataBlock;
    if (block === undefined) return;
    delete node.properties.dataBlock;
    for (const start of (byBlock.get(String(block)) ?? []).sort((a, b) => b.offset - a.offset)) {
      const id = `page-${start.page}`;
      const label = start.label ?? String(start.page);
      const marker = h('span', { id, className: ['pagebreak'], 'epub:type': 'pagebreak', role: 'doc-pagebreak', ariaLabel: label });
      markers.push({ page: start.page, label, id });
      // A page that starts with the block gets its marker before the block (a
      // heading keeps a clean name); inside a list or table it must stay inside.
      if (start.offset === 0 && parent && !['ul', 'ol', 'tr', 'tbody', 'thead', 'table', 'dl'].includes((parent as Element).tagName ?? ''))
        before.push({ parent, node, marker });
      else insertAt(node, start.offset, marker, words);
    }
  });
  for (const { parent, node, marker } of before) parent.children.splice(parent.children.indexOf(node), 0, marker);
  return markers;
}

/**
 * Insert `marker` into `parent` before the character at `offset` of its text (an
 * offset at the end of a text goes on to what follows it: a page that starts just
 * after a link starts with the words after the link, not inside it).
 */
function insertAt(parent: Element, offset: number, marker: Element, words: Intl.Segmenter): void {
  let remaining = offset;
  const walk = (node: Element): boolean => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i]!;
      if (child.type === 'text') {
        if (remaining < child.value.length) {
          split(node, i, child, remaining, marker, words);
          return true;
        }
        remaining -= child.value.length;
      } else if (child.type === 'element') {
        if (remaining === 0) {
          node.children.splice(i, 0, marker);
          return true;
        }
        if (walk(child)) return true;
      }
    }
    return false;
  };
  if (!walk(parent)) parent.children.push(marker);
}

function split(parent: Element, index: number, text: Text, at: number, marker: Element, words: Intl.Segmenter): void {
  // Never split a word: go back to the start of the word the page begins in.
  let cut = 0;
  for (const { index: start } of words.segment(text.value)) {
    if (start > at) break;
    cut = start;
  }
  const before = text.value.slice(0, cut);
  const after = text.value.slice(cut);
  const parts: ElementContent[] = [];
  if (before) parts.push({ type: 'text', value: before });
  parts.push(marker);
  if (after) parts.push({ type: 'text', value: after });
  parent.children.splice(index, 1, ...parts);
}
