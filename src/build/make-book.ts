import type { Book } from '../model/book.js';
import { sourceFiles } from '../model/book.js';
import { throwIfFatal } from '../shared/messages.js';
import { StageTimer } from '../shared/timings.js';
import { imageLimits, resolveImages } from '../stages/assets/resolve-images.js';
import { loadManuscript } from '../stages/load/load-manuscript.js';
import { renderChapters } from '../stages/render/render-chapters.js';

/** The stages: load → render → assets, giving the `Book` every edition is made from. */
export async function makeBook(root: string, timer = new StageTimer()): Promise<Book> {
  const manuscript = await timer.measure('load', () => loadManuscript(root));
  const rendered = await timer.measure('markdown', () => renderChapters(manuscript));
  const { chapters, assets } = await timer.measure('images', () => resolveImages(manuscript.root, rendered, imageLimits(manuscript.config)));
  const book: Book = { ...manuscript, chapters, assets };
  throwIfFatal(sourceFiles(book));
  return book;
}
