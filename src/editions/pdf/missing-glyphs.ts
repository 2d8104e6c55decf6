import type { Text } from 'hast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import type { Book } from '../../model/book.js';
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
export function reportMissingGlyphs(book: Book, coverage: Coverage, severity: 'warning' | 'error' = 'warning'): void {
  const check = (file: VFile, texts: Iterable<{ value: string; place: Place | undefined }>) => {
    const missing = new Map<number, Place | undefined>();
    for (const { value, place } of texts) {
      for (const char of value) {
        const point = char.codePointAt(0)!;
        if (point < 0x250 || missing.has(point) || noGlyph.test(char) || covers(coverage, point)) continue;
        missing.set(point, place);
      }
    }
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
}
