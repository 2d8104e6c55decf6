import type { Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import type { Book } from '../../model/book.js';
import type { PageStart } from '../../model/print-layout.js';
import { type Place, report } from '../../shared/messages.js';
import { type Coverage, covers } from './system-fonts.js';

/** Characters that need no glyph: controls, format characters, invisible ones. */
const noGlyph = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\s]/u;

const codePoint = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Warn, at its first place in each file, about every character of the book that
 * no shipped font has (one message per place, naming them all): the print edition can only draw a box for it (Galley's
 * browser sees no other fonts, so no machine draws it any differently). For PDF/A,
 * which forbids that box (the .notdef glyph), an error.
 */
export function reportMissingGlyphs(book: Book, coverage: Coverage, severity: 'warning' | 'error' = 'warning'): Set<number> {
  const all = new Set<number>();
  const check = (file: VFile, texts: Iterable<{ value: string; place: Place | undefined }>) => {
    const missing = new Map<number, Place | undefined>();
    for (const { value, place } of texts) {
      for (const char of value) {
        const point = char.codePointAt(0)!;
        if (point < 0x250 || missing.has(point) || noGlyph.test(char) || covers(coverage, point)) continue;
        missing.set(point, place);
      }
    }
    for (const point of missing.keys()) all.add(point);
    // One message per place, naming every character.
    const byPlace = new Map<Place | undefined, number[]>();
    for (const [point, place] of missing) {
      const points = byPlace.get(place);
      if (points) points.push(point);
      else byPlace.set(place, [point]);
    }
    for (const [place, points] of byPlace) {
      const named = points.map((point) => `‘${String.fromCodePoint(point)}’ (${codePoint(point)})`).join(', ');
      const reason =
        points.length === 1
          ? `No shipped font has the character ${named}; it prints as a box`
          : `No shipped font has the characters ${named}; they print as boxes`;
      report(file, severity, 'missing-glyph', severity === 'error' ? `${reason}, which PDF/A forbids` : reason, place);
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
  return all;
}

/**
 * Warn of each page that draws more boxes (the `.notdef` glyph: `notdefUses`) than
 * it has characters no shipped font has (`known`, already warned of): a character
 * a shipped font has but not the one Chromium set it in (the ligature `ﬁ` in a
 * paragraph whose mark over a letter took it to another font) would print as a box
 * without a word. Named at the block the page starts with.
 */
export function reportBoxesOnPages(
  book: Book,
  uses: ReadonlyArray<{ page: number; font: string; count: number }>,
  pageStarts: readonly PageStart[],
  known: ReadonlySet<number>,
): void {
  const blocks = blockTexts(book);
  const knownIn = (text: string) => [...text].filter((char) => known.has(char.codePointAt(0)!)).length;
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
