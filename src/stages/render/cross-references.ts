import type { Element, ElementContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { SKIP, visit } from 'unist-util-visit';
import type { Chapter } from '../../model/book.js';
import { referenceWordsFor } from '../../shared/language.js';
import { textWithoutNoteCalls } from '../../shared/heading-text.js';
import { fail } from '../../shared/messages.js';

export interface CrossReferenceOptions {
  language: string;
  /** Number figures and tables per chapter (“Figure 2.3”) instead of through the book. */
  chapters: boolean;
}

/** What a `fig-`, `tbl-` or `sec-` id names, and how a reference to it reads. */
interface Target {
  kind: 'fig' | 'tbl' | 'sec';
  element: Element;
  chapter: Chapter;
  /** How a reference reads: "Figure 3", "Table 2.1", a section's title. */
  text: string;
}

const kinds = { fig: 'figure (an image alone in its paragraph)', tbl: 'table', sec: 'heading' } as const;
/** The kind of target an id names for cross-references (`fig-map` → `fig`), if any. */
export const kindOf = (id: string) => (/^(fig|tbl|sec)-/.exec(id)?.[1] as Target['kind'] | undefined) ?? undefined;

/**
 * Numbers the figures and tables that have a `fig-` or `tbl-` id, in book order
 * (or per chapter), puts the number before their caption ("Figure 3: …"), and
 * gives every cross-reference (`@fig-map`, marked by `remarkCrossReferences`) its
 * text: "Figure 3", "Table 2", or the title of the section it names. A reference
 * to an id the book does not have, or to one of another kind, is an error at its
 * place, as is a `fig-`, `tbl-` or `sec-` id given twice. Works on trees the render
 * stage has just made, before links are resolved.
 */
export function crossReferences(chapters: readonly Chapter[], options: CrossReferenceOptions): void {
  const words = referenceWordsFor(options.language);
  const targets = new Map<string, Target | { wrong: Element; chapter: Chapter }>();
  let figures = 0;
  let tables = 0;
  chapters.forEach((chapter, chapterIndex) => {
    if (options.chapters) [figures, tables] = [0, 0];
    const number = (n: number) => (options.chapters ? `${chapterIndex + 1}.${n}` : String(n));
    visit(chapter.tree, 'element', (element: Element) => {
      const id = element.properties.id;
      const kind = typeof id === 'string' ? kindOf(id) : undefined;
      if (typeof id !== 'string' || kind === undefined) return;
      if (targets.has(id)) {
        fail(
          chapter.file,
          'duplicate-id',
          `Unexpected second element with the id \`${id}\`: cross-references need ids used once in the book`,
          element.position?.start,
        );
        return;
      }
      if (kind === 'fig' && element.tagName === 'figure') {
        const text = `${words.figure} ${number(++figures)}`;
        label(element, 'figcaption', text, 'push');
        targets.set(id, { kind, element, chapter, text });
      } else if (kind === 'tbl' && element.tagName === 'table') {
        const text = `${words.table} ${number(++tables)}`;
        label(element, 'caption', text, 'unshift');
        targets.set(id, { kind, element, chapter, text });
      } else if (kind === 'sec' && headingRank(element) !== undefined) {
        targets.set(id, { kind, element, chapter, text: textWithoutNoteCalls(element).trim() });
      } else targets.set(id, { wrong: element, chapter });
    });
  });
  for (const chapter of chapters) {
    visit(chapter.tree, 'element', (link: Element, index, parent) => {
      const kind = link.properties.dataGalleyXref;
      if (link.tagName !== 'a' || typeof kind !== 'string' || !parent || index === undefined) return;
      const id = String(link.properties.href).slice(1);
      const target = targets.get(id);
      const place = link.position?.start;
      if (target && 'text' in target) {
        link.children = [{ type: 'text', value: target.text }];
        return SKIP;
      }
      const why = target
        ? `\`${id}\` is the id of a \`<${target.wrong.tagName}>\`, not of a ${kinds[kind as Target['kind']]}`
        : `no ${kinds[kind as Target['kind']]} of the book has the id \`${id}\` (give it with \`{#${id}}\`)`;
      fail(chapter.file, 'unknown-reference', `Unexpected cross-reference \`@${id}\`: ${why}`, place);
      // Its text stays, as written, and it links nowhere.
      parent.children.splice(index, 1, { type: 'text', value: `@${id}` });
      return [SKIP, index + 1];
    });
  }
}

/** Put "Figure 3: " before a figure's or table's caption (or make the caption "Figure 3"). */
function label(element: Element, tagName: 'figcaption' | 'caption', text: string, where: 'push' | 'unshift'): void {
  let caption = element.children.find((child): child is Element => child.type === 'element' && child.tagName === tagName);
  const hasText = caption?.children.some((child) => child.type !== 'text' || child.value.trim() !== '') ?? false;
  if (!caption) {
    caption = { type: 'element', tagName, properties: {}, children: [] };
    if (where === 'push') element.children.push(caption);
    else element.children.unshift(caption);
  }
  const mark: ElementContent = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['caption-label'] },
    children: [{ type: 'text', value: hasText ? `${text}: ` : text }],
  };
  caption.children.unshift(mark);
}
