import type { Element } from 'hast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { Book } from '../../model/book.js';

/** Where a numbered block of the book (`data-block`) was written: its chapter file and place (and an image's `src` as written). */
export type BlockPlace = { file: Book['configFile']; place: Point | undefined; imageSource?: string | undefined };

/** The place of every numbered block of the book, for messages about what the pages hold. */
export function blockPlaces(book: Book): Map<string, BlockPlace> {
  const places = new Map<string, BlockPlace>();
  for (const chapter of book.chapters) {
    visit(chapter.tree, 'element', (node: Element) => {
      const block = node.properties.dataBlock;
      if (block !== undefined) places.set(String(block), { file: chapter.file, place: node.position?.start, imageSource: node.data?.imageSource });
    });
  }
  return places;
}
