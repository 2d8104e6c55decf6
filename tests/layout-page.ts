import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { makeBook } from '../src/build/make-book.js';
import { type BrowserSession, launchBrowser } from '../src/editions/pdf/browser.js';
import { finishPart } from '../src/editions/pdf/in-page/finish-part.js';
import { layoutDocument } from '../src/editions/pdf/layout-document.js';
import { type PaginateOptions, paginate } from '../src/editions/pdf/paginate.js';
import { POLYFILL_URL } from '../src/editions/pdf/request-router.js';
import type { Book } from '../src/model/book.js';

/**
 * One browser for a test file, and a way to lay a manuscript out in its layout
 * page as the print edition does, to look at the pages before printing. Call once
 * at the top of a test file.
 */
export function layoutPage(): { page: () => Page; layOut: (root: string, fixes?: PaginateOptions['fixes']) => Promise<Book> } {
  let session: BrowserSession | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await launchBrowser();
    page = await session.layoutPage();
  });
  afterAll(() => session?.close());
  const current = () => {
    if (!page) throw new Error('The layout page is made in beforeAll');
    return page;
  };
  return {
    page: current,
    layOut: async (root, fixes) => {
      const book = await makeBook(root);
      const html = await layoutDocument(book, { polyfillUrl: POLYFILL_URL, fontCache: new Map() });
      const layout = await paginate(current(), { html, root: book.root, timeout: 120_000, fixes });
      // As the print edition finishes a book laid out in one part: the contents' page numbers filled in.
      const pageOf = Object.fromEntries(layout.anchors.map(([id, at]) => [id, String(at)]));
      await current().evaluate(finishPart, { offset: 0, total: layout.pages, strings: {}, pageOf });
      return book;
    },
  };
}
