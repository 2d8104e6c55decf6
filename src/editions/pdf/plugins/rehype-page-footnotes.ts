import type { Element, ElementContent, Parents, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visitParents } from 'unist-util-visit-parents';
import { decodeUriPart } from '../../../shared/uri.js';

/**
 * Blocks a note's call may sit in that cannot hold the note itself: a table (its
 * columns are measured with the text in them), a heading (its text is the running
 * head), a figure, a `<summary>`. The note goes right after the outermost of them.
 */
const holdsNoNote = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'summary']);

/**
 * What each block of a note becomes: a note sits inside the paragraph of its call,
 * where the HTML parser would end the paragraph at a block element, so its blocks
 * become `<span>`s that print.css shows as the blocks they were, with the ARIA role
 * that keeps what they are for the PDF's tags.
 */
const blockRoles: Record<string, string | undefined> = {
  p: 'paragraph',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  blockquote: 'blockquote',
  table: 'table',
  thead: 'rowgroup',
  tbody: 'rowgroup',
  tr: 'row',
  th: 'columnheader',
  td: 'cell',
  pre: undefined,
  div: undefined,
  dl: undefined,
  dt: undefined,
  dd: undefined,
  hr: 'separator',
  h1: 'paragraph',
  h2: 'paragraph',
  h3: 'paragraph',
  h4: 'paragraph',
  h5: 'paragraph',
  h6: 'paragraph',
};

const isElement = (node: unknown): node is Element => (node as { type?: string } | undefined)?.type === 'element';

/**
 * The longest note printed at the foot of a page, in characters (a line of code
 * counting as 60): Paged.js carries a note on to one more page at most, and a long
 * one leaves the page of its call short. A longer note is printed at the chapter's
 * end, with its number.
 */
export const LONGEST_PAGE_NOTE = 2_000;

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Page footnotes for the print edition: each GFM note (`[^label]`) is moved from the
 * chapter's notes section to just after its first call, as a `span.galley-footnote`
 * that Paged.js floats to the foot of the page the call is on (`float: footnote` in
 * print.css). The note starts with its number (`span.galley-footnote-number`,
 * which takes the note's id, so the calls still link to it); its back links go.
 * A note called from a heading goes at the start of the paragraph after it (on the
 * heading's page); one called from a table, figure or summary (or a heading not
 * followed by a paragraph) after that block, which lists it in
 * `data-galley-notes-after` for the layout verifier. Notes called only from other
 * notes, and notes longer than `LONGEST_PAGE_NOTE`, stay in the notes section, with
 * their numbers; the section goes once it is empty. The e-book and the HTML
 * edition keep their linked notes.
 */
export function rehypePageFootnotes() {
  return (tree: Root) => {
    const notes = new Map<string, { item: Element; list: Element; section: Element; parent: Parents }>();
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'section' || node.properties.dataFootnotes === undefined) return;
      const parent = ancestors.at(-1);
      const list = node.children.find((child): child is Element => isElement(child) && child.tagName === 'ol');
      if (!parent || !list) return;
      let number = 0;
      for (const item of list.children) {
        if (!isElement(item) || item.tagName !== 'li') continue;
        // The notes left here keep their numbers when the others go.
        item.properties.value = String(++number);
        if (typeof item.properties.id === 'string') notes.set(item.properties.id, { item, list, section: node, parent });
      }
    });
    if (notes.size === 0) return;

    const calls: Array<{ call: Element; ancestors: Parents[] }> = [];
    visitParents(tree, 'element', (node, ancestors) => {
      // A call inside a note (a note of a note) leaves its note in the notes section.
      if (
        node.tagName === 'a' &&
        node.properties.dataFootnoteRef !== undefined &&
        !ancestors.some((a) => isElement(a) && a.properties.dataFootnotes !== undefined)
      )
        calls.push({ call: node, ancestors: [...ancestors] });
    });
    /** The last note put in or after each block, so that its notes keep their order. */
    const lastNote = new Map<Element, Element>();
    const placed = new Set<string>();
    for (const { call, ancestors } of calls) {
      const target = typeof call.properties.href === 'string' ? call.properties.href.slice(1) : '';
      const note = notes.get(target) ?? notes.get(decodeUriPart(target));
      if (!note) continue;
      const href = String(note.item.properties.id);
      delete call.properties.ariaDescribedBy;
      if (placed.has(href) || weightOf(note.item) > LONGEST_PAGE_NOTE) continue;
      const element = pageNote(note.item, textOfCall(call));
      const outer = ancestors.findIndex((node) => isElement(node) && holdsNoNote.has(node.tagName));
      const inSup = isElement(ancestors.at(-1)) && (ancestors.at(-1) as Element).tagName === 'sup';
      // Right after the call's <sup> (or the call), or by the outermost block that cannot hold it.
      const at = outer !== -1 ? outer : inSup ? ancestors.length - 1 : ancestors.length;
      const anchor = (ancestors[at] ?? call) as Element;
      const container = ancestors[at - 1];
      if (!container) continue;
      placed.add(href);
      note.list.children = note.list.children.filter((child) => child !== note.item);
      if (outer === -1) {
        container.children.splice(container.children.indexOf(anchor) + 1, 0, element);
        continue;
      }
      const siblings = (container.children as ElementContent[]).filter((node): node is Element => isElement(node));
      const next = siblings[siblings.indexOf(anchor) + 1];
      if (headings.has(anchor.tagName) && next?.tagName === 'p') {
        // At the start of the paragraph that follows the heading: on the heading's page.
        const previous = lastNote.get(next);
        next.children.splice(previous ? next.children.indexOf(previous) + 1 : 0, 0, element);
        lastNote.set(next, element);
        continue;
      }
      const previous = lastNote.get(anchor) ?? anchor;
      container.children.splice(container.children.indexOf(previous) + 1, 0, element);
      lastNote.set(anchor, element);
      const after = anchor.properties.dataGalleyNotesAfter;
      anchor.properties.dataGalleyNotesAfter = typeof after === 'string' ? `${after} ${href}` : href;
    }
    for (const { list, section, parent } of new Set(notes.values())) {
      if (list.children.some(isElement)) continue;
      parent.children = parent.children.filter((child) => child !== section) as typeof parent.children;
    }
  };
}

/** How long a note prints, in characters: its text, and a line's worth for each line of its code. */
function weightOf(item: Element): number {
  let lines = 0;
  visitParents(item, 'element', (node) => {
    if (node.tagName === 'pre') lines += (textOf(node).match(/\n/g) ?? []).length;
  });
  return textOf(item).length + 60 * lines;
}

function textOfCall(call: Element): string {
  return call.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** The note as it is printed at the foot of the page: its number, then its blocks as spans. */
function pageNote(item: Element, number: string): Element {
  const content = item.children.flatMap((child) => (child.type === 'text' && child.value.trim() === '' ? [] : [asSpans(child)]));
  dropBackLinks(content);
  // Its first paragraph runs on from the number.
  const first = content[0];
  if (isElement(first) && first.properties.dataGalleyAs === 'p') first.properties.dataGalleyAs = 'p-first';
  const { id, value: _value, ...rest } = item.properties;
  return h('span', { ...rest, className: ['galley-footnote'] }, [h('span', { className: ['galley-footnote-number'], id }, number), ' ', ...content]);
}

function asSpans(node: ElementContent): ElementContent {
  if (!isElement(node)) return node;
  const children = node.children.map(asSpans);
  if (!(node.tagName in blockRoles)) return { ...node, children };
  const role = blockRoles[node.tagName];
  return { ...node, tagName: 'span', properties: { ...node.properties, dataGalleyAs: node.tagName, ...(role ? { role } : {}) }, children };
}

/** The back links (`↩`) and the space before each. */
function dropBackLinks(nodes: ElementContent[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!isElement(node)) continue;
    if (node.properties.dataFootnoteBackref !== undefined) {
      nodes.splice(i, 1);
      const before = nodes[i - 1];
      if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '');
      continue;
    }
    dropBackLinks(node.children);
  }
}
