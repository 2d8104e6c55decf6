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
  const check = (file: VFile, texts: Iterable<{ value: string; place: Place | undefined }>) => {
    const missing = new Map<number, Place | undefined>();
    const apart = new Map<string, Place | undefined>();
    for (const { value, place } of texts) {
      for (const found of find(value)) {
        for (const point of found.missing) if (!missing.has(point)) missing.set(point, place);
        if (found.missing.length === 0 && !apart.has(found.cluster)) apart.set(found.cluster, place);
      }
    }
    const say = (reason: string, place: Place | undefined) =>
      report(file, severity, 'missing-glyph', severity === 'error' ? `${reason}, which PDF/A forbids` : reason, place);
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
  const printed: Array<{ value: string | readonly string[] | undefined; path: Array<string | number> }> = [
    { value: config.title, path: ['title'] },
    { value: config.subtitle, path: ['subtitle'] },
    { value: config.creator, path: ['creator'] },
    { value: config.publisher, path: ['publisher'] },
    { value: config.rights, path: ['rights'] },
    ...config.chapters.flatMap((entry, index) => (typeof entry === 'string' ? [] : [{ value: entry.part, path: ['chapters', index, 'part'] }])),
  ];
  check(
    book.configFile,
    printed.flatMap(({ value, path }) =>
      typeof value === 'string'
        ? [{ value, place: book.locateConfig(path) }]
        : (value ?? []).map((one, index) => ({ value: one, place: book.locateConfig([...path, index]) })),
    ),
  );
  for (const chapter of book.chapters) {
    const texts: Array<{ value: string; place: Place | undefined }> = [];
    visitParents(chapter.tree, 'text', (node: Text, ancestors) => {
      // A part's title page is made from book.yaml, checked above where it is written.
      if (ancestors.some((a) => a.type === 'element' && a.properties.dataPart !== undefined && !a.position)) return;
      const placed = [node, ...ancestors.toReversed()].find((n) => n.position);
      texts.push({ value: node.value, place: placed?.position?.start });
    });
    check(chapter.file, texts);
  }
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
 * its letters the fonts do not draw (`find`, already warned of): a character
 * a shipped font has but not the one Chromium set it in (the ligature `ﬁ` in a
 * paragraph whose mark over a letter took it to another font) would print as a box
 * without a word. Named at the block the page starts with.
 */
export function reportBoxesOnPages(
  book: Book,
  uses: ReadonlyArray<{ page: number; font: string; count: number }>,
  pageStarts: readonly PageStart[],
  find: UndrawableFinder,
): void {
  const blocks = blockTexts(book);
  // (A letter not drawn whole: at most a box for each of its characters.)
  const knownIn = (text: string) => find(text).reduce((sum, found) => sum + glyphPoints(found.cluster).length, 0);
  // (Running heads repeat the title and headings on every page: what they hold is expected anywhere.)
  // (So do notes, numbered at their chapter's end, printed at the foot of a page.)
  const heads =
    knownIn(book.config.title) +
    book.chapters.reduce((sum, chapter) => sum + chapter.outline.reduce((n, entry) => n + knownIn(entry.text), 0), 0) +
    blocks.reduce((sum, block) => sum + (block?.note ? knownIn(block.text) : 0), 0);
  for (const page of [...new Set(uses.map((use) => use.page))]) {
    const drawn = uses.filter((use) => use.page === page);
    const boxes = drawn.reduce((sum, use) => sum + use.count, 0);
    const start = pageStarts.filter((at) => at.page <= page).at(-1);
    const next = pageStarts.find((at) => at.page > page);
    // The characters no font has in the blocks the page holds (the first and last perhaps in part).
    let expected = heads;
    for (let block = Number(start?.block ?? 0); block <= Number(next?.block ?? blocks.length - 1); block++) expected += knownIn(blocks[block]?.text ?? '');
    if (start === undefined || boxes <= expected) continue;
    const found = blocks[Number(start.block)];
    const fonts = [...new Set(drawn.map((use) => use.font))].join(', ');
    const reason = `Page ${page} of the PDF draws ${boxes === 1 ? 'a box' : `${boxes} boxes`} where a character has no glyph in the font it is set in (${fonts}), on the page that starts here: look for unusual characters on it (a ligature character such as “ﬁ”, a mark over a letter)`;
    report(found?.file ?? book.configFile, 'warning', 'missing-glyph', reason, found?.place);
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
