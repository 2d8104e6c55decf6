import { toHtml } from 'hast-util-to-html';
import type { Book } from '../../model/book.js';
import { bookDocument } from '../shared/book-document.js';
import { dataUris, editionChapter } from '../shared/edition-tree.js';
import { houseStyles, resourceDataUri } from '../shared/house-style.js';
import { readAsset } from '../../shared/package-files.js';

/** The style sheets of the HTML (screen) edition, in cascade order. */
export const screenStyles = ['styles/components.css', 'styles/base.css', 'styles/screen.css'];

/** The standalone HTML edition: styles and images inlined, so it opens anywhere. */
export async function htmlEdition(book: Book): Promise<string> {
  const css = [...(await Promise.all(screenStyles.map(readAsset))), ...(await houseStyles(book, 'screen', resourceDataUri))];
  const images = dataUris(book.assets, 'screen');
  const chapters = book.chapters.map((chapter) => editionChapter(chapter, { imageSource: (href) => images.get(href) ?? href, keepBlockNumbers: false }));
  return `${toHtml(bookDocument(book.config, chapters, { css }), { allowDangerousCharacters: false })}\n`;
}
