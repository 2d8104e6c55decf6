import type { Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import type { Book } from '../../model/book.js';
import type { PageStart } from '../../model/print-layout.js';
import { type Place, report } from '../../shared/messages.js';
import { glyphPoints, type UndrawableFinder } from './undrawable.js';

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Warn, at its first place in each file, about every character of the book that
 * no shipped font has, and every letter the shipped fonts do not draw whole (a
 * letter and its marks are drawn from one font: `undrawableFinder`): one message
 * per place, naming them all.
 * The print edition can only draw a box for them (Galley's browser sees no other
 * fonts, so no machine draws them any differently). For PDF/A, which forbids that
 * box (the .notdef glyph), an error.
 */
export function reportMissingGlyphs(book: Book, find: UndrawableFinder, severity: 'warning' | 'error' = 'warning'): void {
  const check = (file: VFile, texts: Iterable<{ value: string; place: Place | undefined; exact: boolean }>) => {
    const missing = new Map<number, Place | undefined>();
    const apart = new Map<string, Place | undefined>();
    // Where the first of a place's characters is, when the text is the source's as written.
    const first = new Map<Place | undefined, Place>();
    for (const { value, place, exact } of texts) {
      for (const found of find(value)) {
        if (found.drawnAs !== undefined) continue;
        if (exact && place && !first.has(place)) first.set(place, advance(place, value.slice(0, found.index)));
        for (const point of found.missing) if (!missing.has(point)) missing.set(point, place);
        if (found.missing.length === 0 && !apart.has(found.cluster)) apart.set(found.cluster, place);
      }
    }
    const say = (reason: string, place: Place | undefined) =>
      report(file, severity, 'missing-glyph', severity === 'error' ? `${reason}, which PDF/A forbids` : reason, first.get(place) ?? place);
    for (const [place, found] of byPlace(missing)) {
      const named = found.map((point) => `‘${String.fromCodePoint(point)}’ (${codePoint(point)})`).join(', ');
      say(
        found.length === 1
          ? `No shipped font has the character ${named}; it prints as a box`
          : `No shipped font has the characters ${named}; they print as boxes`,
        place,
      );
    }
    for (const [place, found] of byPlace(apart)) {
      const named = found.map((letter) => `‘${letter}’ (${[...letter].map((char) => codePoint(char.codePointAt(0)!)).join(' ')})`).join(', ');
      say(
        found.length === 1
          ? `No shipped font draws the letter ${named} whole (the font of its first character lacks its marks); it prints with a box`
          : `No shipped font draws the letters ${named} whole (the font of their first character lacks their marks); they print with boxes`,
        place,
      );
    }
  };
  const { config } = book;
  // What book.yaml gives that print sets: title and copyright pages, running heads, part titles.
  // (The creators and the publisher are set in capitals on the title page: `ῶ` is `Ω` + `◌͂` then, which no font has whole.)
  const printed: Array<{ value: string | readonly string[] | undefined; path: Array<string | number>; capitals?: boolean }> = [
    { value: config.title, path: ['title'] },
    { value: config.subtitle, path: ['subtitle'] },
    { value: config.creator, path: ['creator'], capitals: true },
    { value: config.publisher, path: ['publisher'], capitals: true },
    { value: config.rights, path: ['rights'] },
    ...config.chapters.flatMap((entry, index) => (typeof entry === 'string' ? [] : [{ value: entry.part, path: ['chapters', index, 'part'] }])),
  ];
  check(
    book.configFile,
    printed.flatMap(({ value, path, capitals }) =>
      (typeof value === 'string' ? [{ value, at: path }] : (value ?? []).map((one, index) => ({ value: one, at: [...path, index] }))).flatMap(
        ({ value: one, at }) => {
          const text = { value: one, place: book.locateConfig(at), exact: false };
          return capitals ? [text, { ...text, value: one.toUpperCase() }] : [text];
        },
      ),
    ),
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
  // (A letter not drawn whole: a box for each of its marks, or itself.)
  const boxesIn = (text: string) =>
    find(text).reduce((sum, found) => sum + (found.drawnAs === undefined ? Math.max(1, glyphPoints(found.cluster).length - 1) : 0), 0);
  const { config } = book;
  // Where what book.yaml gives is set (in capitals, some of it): the front matter, part title pages, running heads.
  const given = [
    config.title,
    config.subtitle,
    config.publisher,
    config.rights,
    ...config.creator,
    ...config.chapters.map((entry) => (typeof entry === 'string' ? undefined : entry.part)),
  ]
    .filter((text): text is string => text !== undefined)
    .reduce((sum, text) => sum + boxesIn(text) + boxesIn(text.toUpperCase()), 0);
  // The contents list the headings.
  const front = given + book.chapters.reduce((sum, chapter) => sum + chapter.outline.reduce((n, entry) => n + boxesIn(entry.text), 0), 0);
  for (const page of [...new Set(uses.map((use) => use.page))]) {
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
    // The blocks the page holds (the first and last perhaps in part), and the notes of their chapters (numbered at
    // a chapter's end, printed at the foot of its pages).
    const first = Number(start.block);
    const last = Number(next?.block ?? blocks.length - 1);
    const files = new Set(blocks.slice(first, last + 1).map((block) => block?.file));
    let expected = given;
    blocks.forEach((block, index) => {
      if (block && ((index >= first && index <= last) || (block.note && files.has(block.file)))) expected += boxesIn(block.text);
    });
    if (boxes <= expected) continue;
    const found = blocks[first];
    const where = 'on the page that starts here: look for unusual characters on it (a ligature character such as “ﬁ”, a mark over a letter)';
    report(found?.file ?? book.configFile, 'warning', 'missing-glyph', `${reason}, ${where}`, found?.place);
  }
}

/** Each numbered block's text (its `data-block`), file and place, and whether it is in the notes. */
function blockTexts(book: Book): Array<{ text: string; file: VFile; place: Place | undefined; note: boolean } | undefined> {
  const blocks: Array<{ text: string; file: VFile; place: Place | undefined; note: boolean } | undefined> = [];
  for (const chapter of book.chapters) {
    visitParents(chapter.tree, 'element', (node, ancestors) => {
      const number = Number(node.properties.dataBlock);
      if (node.properties.dataBlock === undefined || !Number.isInteger(number)) return;
      let text = '';
      visitParents(node, 'text', (leaf: Text) => {
        text += leaf.value;
      });
      const note = ancestors.some((above) => above.type === 'element' && above.properties.dataFootnotes !== undefined);
      blocks[number] = { text, file: chapter.file, place: node.position, note };
    });
  }
  return blocks;
}
