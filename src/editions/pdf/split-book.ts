import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString as textOf } from 'hast-util-to-string';
import type { Chapter } from '../../model/book.js';

/**
 * How much text one layout part holds at most, in characters (about 40 A4 pages,
 * 80 A5 pages). Paged.js's time per page grows with the length of what it lays
 * out, and the browser's memory with it; parts of a bounded size keep both flat.
 * A constant, not a setting: where a book is split decides its bytes, and the same
 * book must give the same PDF on every machine, whatever its number of cores.
 */
export const PART_SIZE = 120_000;

/** What an image weighs in a part, in characters of text. */
const IMAGE_SIZE = 1_500;

/** A piece of the book laid out on its own; the pieces' PDFs are joined in order. */
export interface PrintPart {
  /** Holds the title page and the contents. */
  readonly front: boolean;
  /** The chapters laid out in this part, or pieces of one. */
  readonly chapters: readonly Chapter[];
  /**
   * The part goes on with a chapter begun in the part before (a chapter too long
   * for one part, split between its sections): it starts on whichever side its
   * first page falls and carries that chapter's running head.
   */
  readonly continues: { readonly section: string } | undefined;
}

/**
 * Split the book where its pages break anyway: the title page and contents alone,
 * then runs of whole chapters (each starts on a right-hand page); a chapter longer
 * than a part is split before its sections (or, without sections, between its
 * blocks), and goes on on a new page. A book that fits in one part stays whole.
 */
export function splitBook(chapters: readonly Chapter[], size = PART_SIZE): PrintPart[] {
  const total = chapters.reduce((sum, chapter) => sum + sizeOf(chapter.tree), 0);
  if (total <= size) return [{ front: true, chapters, continues: undefined }];
  const parts: PrintPart[] = [{ front: true, chapters: [], continues: undefined }];
  let run: Chapter[] = [];
  let runSize = 0;
  const flush = () => {
    if (run.length > 0) parts.push({ front: false, chapters: run, continues: undefined });
    run = [];
    runSize = 0;
  };
  for (const chapter of chapters) {
    const chapterSize = sizeOf(chapter.tree);
    if (chapterSize > size) {
      flush();
      parts.push(...splitChapter(chapter, size));
    } else {
      if (runSize + chapterSize > size) flush();
      run.push(chapter);
      runSize += chapterSize;
    }
  }
  flush();
  return parts;
}

/** The parts of one long chapter: the first starts it, the others go on with it. */
function splitChapter(chapter: Chapter, size: number): PrintPart[] {
  const section = chapter.tree.children.find((node): node is Element => node.type === 'element');
  if (!section) return [{ front: false, chapters: [chapter], continues: undefined }];
  const pieces = piecesOf(section, size);
  let heading = chapter.title;
  return pieces.map((piece, index) => {
    const continues = index === 0 ? undefined : { section: heading };
    heading = lastRunningHead(piece) ?? heading;
    const tree: Root = { type: 'root', children: [index === 0 ? piece : continued(piece)] };
    return { front: false, chapters: [{ ...chapter, tree }], continues };
  });
}

/**
 * `node` cut into copies that each hold a run of its children of at most `size`
 * (where a single child is larger, it alone; a larger `section` is cut in turn).
 * A run ends before a section where one begins in its second half.
 */
function piecesOf(node: Element, size: number): Element[] {
  const pieces: Element[] = [];
  let run: ElementContent[] = [];
  let runSize = 0;
  const flush = (upTo = run.length) => {
    if (upTo > 0) pieces.push({ ...node, children: run.slice(0, upTo) });
    run = run.slice(upTo);
    runSize = run.reduce((sum, child) => sum + sizeOf(child), 0);
  };
  for (const child of node.children) {
    const childSize = sizeOf(child);
    if (childSize > size && isSection(child)) {
      // What came before it (a title, a short introduction) stays with its first piece.
      if (runSize > size / 2) flush();
      const [first, ...rest] = piecesOf(child, size);
      pieces.push({ ...node, children: [...run, first!] }, ...rest.map((piece) => ({ ...node, children: [piece] })));
      run = [];
      runSize = 0;
      continue;
    }
    if (runSize + childSize > size && run.length > 0) {
      let cut = run.length;
      let before = runSize;
      for (let i = run.length - 1; i > 0; i--) {
        before -= sizeOf(run[i]!);
        if (before < size / 2) break;
        if (isSection(run[i]!)) {
          cut = i;
          break;
        }
      }
      flush(cut);
    }
    run.push(child);
    runSize += childSize;
  }
  flush();
  return pieces;
}

/** A continuation of a chapter: no title of its own, a new page, not a new right-hand one. */
function continued(piece: Element): Element {
  const className = [...((piece.properties.className as string[] | undefined) ?? []), 'galley-continued'];
  const { ariaLabelledBy: _label, ...properties } = piece.properties;
  return { ...piece, properties: { ...properties, className } };
}

/** The text of the last running-head heading (the chapter title, a level-2 heading) in `node`. */
function lastRunningHead(node: Element | Root): string | undefined {
  let found: string | undefined;
  const walk = (n: Element | Root) => {
    for (const child of n.children) {
      if (child.type !== 'element') continue;
      const rank = headingRank(child);
      const hidden = ((child.properties.className as string[] | undefined) ?? []).includes('sr-only');
      if ((rank === 1 || rank === 2) && !hidden) found = textOf(child);
      else walk(child);
    }
  };
  walk(node);
  return found;
}

function isSection(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'section';
}

const sizes = new WeakMap<object, number>();

/** How much a node weighs in a part: its characters, and a fixed weight per image. */
export function sizeOf(node: Root | ElementContent): number {
  let size = sizes.get(node);
  if (size === undefined) {
    if (node.type === 'text') size = node.value.length;
    else if (node.type === 'element' || node.type === 'root') {
      size =
        (node.type === 'element' && (node.tagName === 'img' || node.tagName === 'svg') ? IMAGE_SIZE : 0) +
        node.children.reduce((sum, child) => sum + sizeOf(child as ElementContent), 0);
    } else size = 0;
    sizes.set(node, size);
  }
  return size;
}
