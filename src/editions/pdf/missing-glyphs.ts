import type { Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import type { Book } from '../../model/book.js';
import type { PageStart } from '../../model/print-layout.js';
import { type Place, report } from '../../shared/messages.js';
import { forbiddenBy, type PdfStandard } from '../../shared/pdf-standards.js';
import { glyphPoints, type UndrawableFinder } from './undrawable.js';

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Warn, at its first place in each file, about every character of the book that
 * no shipped font has, and every letter the shipped fonts do not draw whole (a
 * letter and its marks are drawn from one font: `undrawableFinder`): one message
 * per place, naming them all.
 * The print edition can only draw a box for them (Galley's browser sees no other
 * fonts, so no machine draws them any differently). For PDF/A and PDF/UA, which
 * forbid that box (the .notdef glyph), an error.
 */
export function reportMissingGlyphs(book: Book, find: UndrawableFinder, standards: readonly PdfStandard[] = []): void {
  const severity = standards.length > 0 ? 'error' : 'warning';
  const forbidden = `, which ${forbiddenBy(standards)}`;
  const check = (file: VFile, texts: Iterable<{ value: string; place: Place | undefined; exact: boolean }>) => {
    const missing = new Map<number, Place | undefined>();
    const apart = new Map<string, Place | undefined>();
    // Where each was first found, to its column when the text is the source's as written (a message names the first).
    const at = new Map<number | string, Place>();
    for (const { value, place, exact } of texts) {
      for (const found of find(value)) {
        if (found.drawnAs !== undefined) continue;
        const exactly = exact && place ? advance(place, value.slice(0, found.index)) : place;
        for (const point of found.missing) {
          if (missing.has(point)) continue;
          missing.set(point, place);
          if (exactly) at.set(point, exactly);
        }
        if (found.missing.length > 0 || apart.has(found.cluster)) continue;
        apart.set(found.cluster, place);
        if (exactly) at.set(found.cluster, exactly);
      }
    }
    const say = (reason: string, place: Place | undefined, first: number | string) =>
      report(file, severity, 'missing-glyph', severity === 'error' ? `${reason}${forbidden}` : reason, at.get(first) ?? place);
    for (const [place, found] of byPlace(missing)) {
      const named = found.map((point) => `‘${String.fromCodePoint(point)}’ (${codePoint(point)})`).join(', ');
      say(
        found.length === 1
          ? `No shipped font has the character ${named}; it prints as a box`
          : `No shipped font has the characters ${named}; they print as boxes`,
        place,
        found[0]!,
      );
    }
    for (const [place, found] of byPlace(apart)) {
      const named = found.map((letter) => `‘${letter}’ (${[...letter].map((char) => codePoint(char.codePointAt(0)!)).join(' ')})`).join(', ');
      say(
        found.length === 1
          ? `No shipped font draws the letter ${named} whole (the font of its first character lacks its marks); it prints with a box`
          : `No shipped font draws the letters ${named} whole (the font of their first character lacks their marks); they print with boxes`,
        place,
        found[0]!,
      );
    }
  };
  check(
    book.configFile,
    printedTexts(book).flatMap(({ value, at, capitals }) => {
      const text = { value, place: book.locateConfig(at), exact: false };
      return capitals ? [text, { ...text, value: value.toUpperCase() }] : [text];
    }),
  );
  for (const chapter of book.chapters) {
    const texts: Array<{ value: string; place: Place | undefined; exact: boolean }> = [];
    visitParents(chapter.tree, 'text', (node: Text, ancestors) => {
      // A part's title page is made from book.yaml, checked above where it is written.
      if (ancestors.some((a) => a.type === 'element' && a.properties.dataPart !== undefined && !a.position)) return;
      const placed = [node, ...ancestors.toReversed()].find((n) => n.position);
      const { start, end } = node.position ?? {};
      // (A text as written, not changed by typography or an escape: its characters are found at their column.)
      const exact = start?.offset !== undefined && end?.offset !== undefined && chapter.file.value.slice(start.offset, end.offset) === node.value;
      texts.push({ value: node.value, place: placed?.position?.start, exact });
    });
    check(chapter.file, texts);
  }
}

/**
 * What book.yaml gives that print sets (title and copyright pages, running heads,
 * part titles), with where it is given and whether the title page sets it in
 * capitals (the creators and the publisher: `ῶ` is `Ω` + `◌͂` then, which no font
 * has whole).
 */
function printedTexts(book: Book): Array<{ value: string; at: Array<string | number>; capitals: boolean }> {
  const { config } = book;
  const given: Array<{ value: string | readonly string[] | undefined; path: Array<string | number>; capitals?: boolean }> = [
    { value: config.title, path: ['title'] },
    { value: config.subtitle, path: ['subtitle'] },
    { value: config.creator, path: ['creator'], capitals: true },
    { value: config.publisher, path: ['publisher'], capitals: true },
    { value: config.rights, path: ['rights'] },
    ...config.chapters.flatMap((entry, index) => (typeof entry === 'string' ? [] : [{ value: entry.part, path: ['chapters', index, 'part'] }])),
  ];
  return given.flatMap(({ value, path, capitals = false }) =>
    typeof value === 'string' ? [{ value, at: path, capitals }] : (value ?? []).map((one, index) => ({ value: one, at: [...path, index], capitals })),
  );
}

/** The place `text` (on one line or several) ends at, from `place`, where it starts. */
function advance(place: Place, text: string): Place {
  const start = 'start' in place ? place.start : place;
  const lines = text.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + text.length;
  return start.offset === undefined ? { line, column } : { line, column, offset: start.offset + text.length };
}

/** What was found, grouped by the place it was first found. */
function byPlace<T>(found: ReadonlyMap<T, Place | undefined>): Map<Place | undefined, T[]> {
  const grouped = new Map<Place | undefined, T[]>();
  for (const [what, place] of found) {
    const list = grouped.get(place);
    if (list) list.push(what);
    else grouped.set(place, [what]);
  }
  return grouped;
}

/**
 * Warn of each page that draws more boxes (the `.notdef` glyph: `notdefUses`) than
 * the letters on it the fonts do not draw (`find`, already warned of): a character
 * a shipped font has but not the one Chromium set it in would print as a box
 * without a word. A page of the body is named at the block it starts with, one
 * before it (title page, contents) at book.yaml.
 */
export function reportBoxesOnPages(
  book: Book,
  uses: ReadonlyArray<{ page: number; font: string; count: number }>,
  pageStarts: readonly PageStart[],
  find: UndrawableFinder,
): void {
  const blocks = blockTexts(book);
  // (A letter with a character no font has: a box for each of its characters; one not drawn whole: for each mark.)
  const boxesIn = (text: string) =>
    find(text).reduce(
      (sum, found) =>
        sum +
        (found.drawnAs !== undefined ? 0 : found.missing.length > 0 ? glyphPoints(found.cluster).length : Math.max(1, glyphPoints(found.cluster).length - 1)),
      0,
    );
  const given = printedTexts(book);
  // What book.yaml gives is set on the title page (some of it in capitals), the contents list the headings and parts.
  const front =
    given.reduce((sum, { value }) => sum + boxesIn(value) + boxesIn(value.toUpperCase()), 0) +
    book.chapters.reduce((sum, chapter) => sum + chapter.outline.reduce((n, entry) => n + boxesIn(entry.text), 0), 0);
  // A part's title page is in the body.
  const partPages = given.reduce((sum, { value, at }) => sum + (at[0] === 'chapters' ? boxesIn(value) : 0), 0);
  // The notes are numbered at their chapter's end and printed at the foot of its pages: the boxes they hold, a page
  // of their chapter may draw, once.
  const notes = new Map<VFile, number>();
  for (const block of blocks) if (block?.note) notes.set(block.file, (notes.get(block.file) ?? 0) + boxesIn(block.text));
  for (const page of [...new Set(uses.map((use) => use.page))].sort((a, b) => a - b)) {
    const drawn = uses.filter((use) => use.page === page);
    const boxes = drawn.reduce((sum, use) => sum + use.count, 0);
    const fonts = [...new Set(drawn.map((use) => use.font))].join(', ');
    const reason = `Page ${page} of the PDF draws ${boxes === 1 ? 'a box' : `${boxes} boxes`} where a character has no glyph in the font it is set in (${fonts})`;
    const start = pageStarts.filter((at) => at.page <= page).at(-1);
    if (start === undefined) {
      if (boxes > front)
        report(
          book.configFile,
          'warning',
          'missing-glyph',
          `${reason}, before the first chapter: look for unusual characters in book.yaml and the headings`,
          book.locateConfig(['title']),
        );
      continue;
    }
    const next = pageStarts.find((at) => at.page > page);
    // The blocks the page holds (the first and last perhaps in part).
    const first = Number(start.block);
    const held = blocks.slice(first, Number(next?.block ?? blocks.length - 1) + 1);
    let extra = boxes - partPages - held.reduce((sum, block) => sum + (block && !block.note ? boxesIn(block.text) : 0), 0);
    for (const file of new Set(held.flatMap((block) => (block ? [block.file] : [])))) {
      const used = Math.min(notes.get(file) ?? 0, Math.max(0, extra));
      notes.set(file, (notes.get(file) ?? 0) - used);
      extra -= used;
    }
    if (extra <= 0) continue;
    const found = blocks[first];
    const where =
      'on the page that starts here: look for unusual characters on it (a ligature character such as “ﬁ”, a mark over a letter, a heading set in capitals)';
    report(found?.file ?? book.configFile, 'warning', 'missing-glyph', `${reason}, ${where}`, found?.place);
  }
}

/** Each numbered block's own text (its `data-block`), file and place, and whether it is in the notes. */
function blockTexts(book: Book): Array<{ text: string; file: VFile; place: Place | undefined; note: boolean } | undefined> {
  const blocks: Array<{ text: string; file: VFile; place: Place | undefined; note: boolean } | undefined> = [];
  for (const chapter of book.chapters) {
    visitParents(chapter.tree, 'element', (node, ancestors) => {
      const number = Number(node.properties.dataBlock);
      if (node.properties.dataBlock === undefined || !Number.isInteger(number)) return;
      // Its own text: not that of the blocks it holds (a list item's paragraphs), counted with them.
      let text = '';
      visitParents(node, 'text', (leaf: Text, above) => {
        if (!above.slice(1).some((element) => element.type === 'element' && element.properties.dataBlock !== undefined)) text += leaf.value;
      });
      const note = ancestors.some((above) => above.type === 'element' && above.properties.dataFootnotes !== undefined);
      blocks[number] = { text, file: chapter.file, place: node.position, note };
    });
  }
  return blocks;
}
