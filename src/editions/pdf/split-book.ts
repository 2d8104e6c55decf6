import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../../model/book.js';
import { isRunningHead, runningHeadOf } from './plugins/rehype-running-heads.js';

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
   * for one part, split between its sections): it starts on a new page, on
   * whichever side that falls, not on a right-hand one.
   */
  readonly continues: boolean;
  /**
   * The running head of right-hand pages where the part starts (the `section`
   * string: the last chapter title or section heading before it), carried over to
   * its pages before one of its own headings sets it.
   */
  readonly runningHead: string | undefined;
}

/**
 * Split the book where its pages break anyway: the title page and contents alone,
 * then runs of whole chapters (each starts on a right-hand page); a chapter longer
 * than a part is split before its sections (or, without sections, between its
 * blocks), and goes on on a new page. A book that fits in one part stays whole.
 */
export function splitBook(chapters: readonly Chapter[], size = PART_SIZE): PrintPart[] {
  const total = chapters.reduce((sum, chapter) => sum + sizeOf(chapter.tree), 0);
  if (total <= size) return [{ front: true, chapters, continues: false, runningHead: undefined }];
  const runs: Array<{ chapters: Chapter[]; continues: boolean }> = [];
  let run: Chapter[] = [];
  let runSize = 0;
  const flush = () => {
    if (run.length > 0) runs.push({ chapters: run, continues: false });
    run = [];
    runSize = 0;
  };
  for (const chapter of chapters) {
    const chapterSize = sizeOf(chapter.tree);
    // The body starts a part of its own after front matter: there its pages are counted again from 1.
    if (run.at(-1)?.place.matter === 'front' && chapter.place.matter !== 'front') flush();
    if (chapterSize > size) {
      flush();
      runs.push(...splitChapter(chapter, size));
    } else {
      if (runSize + chapterSize > size) flush();
      run.push(chapter);
      runSize += chapterSize;
    }
  }
  flush();
  const parts: PrintPart[] = [{ front: true, chapters: [], continues: false, runningHead: undefined }];
  let heading: string | undefined;
  for (const { chapters: held, continues } of runs) {
    parts.push({ front: false, chapters: held, continues, runningHead: heading });
    for (const chapter of held) heading = lastRunningHead(chapter.tree) ?? heading;
  }
  return parts;
}

/** The pieces of one long chapter: the first starts it, the others go on with it. */
function splitChapter(chapter: Chapter, size: number): Array<{ chapters: Chapter[]; continues: boolean }> {
  const section = chapter.tree.children.find((node): node is Element => node.type === 'element' && node.properties.dataChapter !== undefined);
  if (!section) return [{ chapters: [chapter], continues: false }];
  // A part's title before the chapter goes with its first piece.
  const before = chapter.tree.children.slice(0, chapter.tree.children.indexOf(section));
  return piecesOf(section, size).map((piece, index) => {
    const tree: Root = { type: 'root', children: index === 0 ? [...before, piece] : [continued(piece)] };
    return { chapters: [{ ...chapter, tree }], continues: index > 0 };
  });
}

/**
 * `node` cut into copies that each hold a run of its children of at most `size`
 * (where a single child is larger, it alone; a larger `section` is cut in turn).
 * A run ends before a section where one begins in its second half, never right
 * after a heading, and never holds only white space.
 */
function piecesOf(node: Element, size: number): Element[] {
  const pieces: Element[] = [];
  let run: ElementContent[] = [];
  let runSize = 0;
  const flush = (upTo = run.length) => {
    const held = run.slice(0, upTo);
    if (held.some(isContent)) pieces.push({ ...node, children: held });
    else if (pieces.length > 0) pieces[pieces.length - 1]!.children.push(...held);
    else return;
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
    if (runSize + childSize > size && run.some(isContent)) flush(cutIn(run, size));
    run.push(child);
    runSize += childSize;
  }
  flush();
  return pieces.map((piece, index) => (index === 0 ? piece : { ...piece, children: indentFirst(piece.children, node.children) }));
}

/** Where to end a run that is full: before a section in its second half, else at its end, but not right after a heading. */
function cutIn(run: readonly ElementContent[], size: number): number {
  let before = run.reduce((sum, child) => sum + sizeOf(child), 0);
  for (let i = run.length - 1; i > 0; i--) {
    before -= sizeOf(run[i]!);
    if (before < size / 2) break;
    if (isSection(run[i]!)) return i;
  }
  const lastElement = (end: number) => run.slice(0, end).findLast((child): child is Element => child.type === 'element');
  let cut = run.length;
  for (let last = lastElement(cut); cut > 1 && last && headingRank(last) !== undefined; last = lastElement(cut)) cut = run.lastIndexOf(last);
  return cut;
}

/**
 * A paragraph that followed a paragraph keeps its first-line indent when a cut
 * puts it first (`p + p` no longer matches it): it gets `galley-indent`.
 */
function indentFirst(children: ElementContent[], original: readonly ElementContent[]): ElementContent[] {
  const at = children.findIndex((child) => child.type === 'element');
  const first = children[at] as Element | undefined;
  if (first?.tagName !== 'p') return children;
  const previous = original.slice(0, original.indexOf(first)).findLast((child): child is Element => child.type === 'element');
  if (previous?.tagName !== 'p') return children;
  const className = [...((first.properties.className as string[] | undefined) ?? []), 'galley-indent'];
  return children.with(at, { ...first, properties: { ...first.properties, className } });
}

const isContent = (node: ElementContent) => node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');

/** A continuation of a chapter: no title of its own, a new page, not a new right-hand one. */
function continued(piece: Element): Element {
  const className = [...((piece.properties.className as string[] | undefined) ?? []), 'galley-continued'];
  const { ariaLabelledBy: _label, ...properties } = piece.properties;
  return { ...piece, properties: { ...properties, className } };
}

/**
 * The text of the last heading in `tree` that sets the running head, as print.css
 * says: a chapter's title (`.chapter > h1`) or a level-2 heading but the notes'
 * (`h2:not(.sr-only)`).
 */
function lastRunningHead(tree: Root): string | undefined {
  let found: string | undefined;
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (isRunningHead(node, parent)) found = runningHeadOf(node);
  });
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
