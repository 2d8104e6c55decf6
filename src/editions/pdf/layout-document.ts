import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as textOf } from 'hast-util-to-string';
import { h } from 'hastscript';
import { unified } from 'unified';
import type { Book, Chapter } from '../../model/book.js';
import { bookDocument } from '../shared/book-document.js';
import { dataUris, editionChapter } from '../shared/edition-tree.js';
import { bookFamilies, houseStyles, resourceDataUri } from '../shared/house-style.js';
import { codePointsOf, fontDataUri, fontFaceCss } from '../shared/fonts.js';
import { referenceWordsFor } from '../../shared/language.js';
import { readAsset } from '../../shared/package-files.js';
import { hyphenatorFor } from './hyphenation.js';
import { pageCss } from './page-css.js';
import { markSiblings, staticSiblingSelectors } from './sibling-selectors.js';
import { linksBetweenParts } from './part-links.js';
import { rehypeHyphenate } from './plugins/rehype-hyphenate.js';
import { rehypeIsolateUndrawable } from './plugins/rehype-isolate-undrawable.js';
import { rehypeLanguageSpans } from './plugins/rehype-language-spans.js';
import { rehypeExpandTabs } from './plugins/rehype-expand-tabs.js';
import { rehypeOpenDetails } from './plugins/rehype-open-details.js';
import { rehypeStructureMarks } from './plugins/rehype-structure-marks.js';
import { rehypePageFootnotes } from './plugins/rehype-page-footnotes.js';
import { hasPageReferences, rehypePageReferences, setPageNumbers } from './plugins/rehype-page-references.js';
import { addTocPageSlots } from './toc-page-slots.js';
import { rehypeRunningHeads } from './plugins/rehype-running-heads.js';
import { type PrintPart, splitBook } from './split-book.js';
import { systemFonts } from './system-fonts.js';
import { drawableText, type UndrawableFinder, undrawableFinder } from './undrawable.js';

/**
 * The document as loaded, before Paged.js takes its content into pages, is laid out
 * as one long page, of which only the tables are measured (`freezeTableColumns`):
 * its other blocks are laid out only when on screen, not all on loading (at 100
 * chapters, 0.5 of the renderers' 2.5 s of loading). Tables and what holds them are
 * laid out as they are (inside content that is not, Chromium sizes their columns
 * otherwise).
 * Only the body's own `main` is matched: none in the pages, whatever lays them out;
 * and `layOutPages` takes the sheet out before it starts (a `:has()` rule makes
 * every change to the document cost more).
 */
const BEFORE_LAYOUT_CSS =
  'body > main > :not(:has(table)), body > main > * > :not(:has(table), table) { content-visibility: auto; contain-intrinsic-size: auto 500px }';

/** The id of that sheet (in-page/lay-out-pages.ts takes it out by it). */
const BEFORE_LAYOUT_ID = 'galley-before-layout';

/** Style sheets of the print edition, in cascade order (after the fonts). */
export const printStyles = ['styles/components.css', 'styles/base.css', 'styles/print.css'];

export interface LayoutDocumentOptions {
  /** Where font files are referenced from (default: embedded as data URIs). */
  fontUrl?: (pkg: string, file: string) => string | Promise<string>;
  /** Load Paged.js from this URL in the head (default: none, e.g. for other tools). */
  polyfillUrl?: string;
  /** Font CSS by code point set, kept between builds (watch mode). */
  fontCache?: Map<string, Promise<string>> | undefined;
  /** The most text a layout part holds (default `PART_SIZE`; other values for tests only: it decides the bytes). */
  partSize?: number | undefined;
  /** The finder of the letters the shipped fonts do not draw (default: made from them), the print edition's own. */
  undrawable?: UndrawableFinder | undefined;
}

/** The book split into layout parts, and the document of each. */
export interface PrintDocuments {
  readonly parts: readonly PrintPart[];
  /**
   * The HTML document of one part, made when asked for (a big book's are not all
   * held at once), with the page of every id a cross-reference names, as far as
   * `pages` has them (else a placeholder as wide as the book's page numbers).
   */
  html(index: number, pages?: ReadonlyMap<string, string>): string;
  /** Whether the book's cross-references name pages (then it is laid out twice: once to find them). */
  readonly pageReferences: boolean;
}

/**
 * The HTML document that Paged.js lays out into the print edition, whole: the
 * book's chapters (block numbers kept, images inlined, every `<details>` open)
 * hyphenated with soft hyphens, with the fonts the text needs embedded, the print
 * styles and the page geometry of the trim size.
 */
export async function layoutDocument(book: Book, options: LayoutDocumentOptions = {}): Promise<string> {
  const prepared = await prepare(book, options);
  return prepared.html({ front: true, chapters: prepared.chapters, continues: false, runningHead: undefined });
}

/**
 * The documents of the print edition's layout parts (see `splitBook`): each as
 * `layoutDocument` makes the whole book, holding its part only; a link to a part
 * laid out elsewhere points to `galley-dest:<id>`, which the joined PDF resolves.
 */
export async function printDocuments(book: Book, options: LayoutDocumentOptions = {}): Promise<PrintDocuments> {
  const prepared = await prepare(book, options);
  // (A part's running head at its start is generated content too: what the fonts draw of it.)
  const parts = splitBook(prepared.chapters, options.partSize).map((part) =>
    part.runningHead === undefined ? part : { ...part, runningHead: prepared.headText(part.runningHead) },
  );
  return {
    parts,
    html: (index, pages) => prepared.html(parts[index]!, parts.length > 1, pages),
    pageReferences: prepared.pageReferences,
  };
}

async function prepare(book: Book, options: LayoutDocumentOptions) {
  const { config } = book;
  const hyphenate = hyphenatorFor(config.language);
  const forPrint = unified()
    .use(rehypeOpenDetails)
    .use(rehypeExpandTabs)
    .use(rehypeLanguageSpans)
    .use(rehypeStructureMarks, { language: config.language })
    .use(rehypeRunningHeads)
    .use(rehypePageFootnotes)
    .use(rehypePageReferences, { template: referenceWordsFor(config.language).onPage });
  if (hyphenate) forPrint.use(rehypeHyphenate, { hyphenate });
  const images = dataUris(book.assets, 'print');
  const chapters = book.chapters.map((chapter) =>
    editionChapter(chapter, { imageSource: (href) => images.get(href) ?? href, keepBlockNumbers: true, markImages: true }),
  );
  for (const chapter of chapters) await forPrint.run(chapter.tree);
  const find = options.undrawable ?? undrawableFinder(await systemFonts());
  const headText = (text: string) => drawableText(find, text);
  const siblings = staticSiblingSelectors([
    ...(await Promise.all(printStyles.map(readAsset))),
    // (The creators in a running head, generated content: as the fonts draw them.)
    pageCss({ ...config, creator: config.creator.map(headText) }),
    ...(await houseStyles(book, 'print', resourceDataUri)),
  ]);
  // An empty icon keeps the browser from asking for /favicon.ico.
  const head = [
    h('link', { rel: 'icon', href: 'data:,' }),
    h('style', { id: BEFORE_LAYOUT_ID, dataPagedjsIgnore: '' }, BEFORE_LAYOUT_CSS),
    ...(options.polyfillUrl ? [h('script', { src: options.polyfillUrl })] : []),
  ];
  // Only the font subsets the text needs, embedded: nothing to fetch, the same every
  // time, and outside Paged.js's style processing. The same fonts in every part.
  // (The words of page references are in the chapters' text: rehypePageReferences added them.)
  const text = textOf(bookDocument(config, chapters, { css: [] }));
  const codePoints = codePointsOf(text);
  const { body, headings } = bookFamilies(config);
  const families = [...new Set([body, headings])];
  const key = `${families.join('|')}:${[...codePoints].sort((a, b) => a - b).join(',')}`;
  let fonts = options.fontUrl ? undefined : options.fontCache?.get(key);
  if (!fonts) {
    fonts = fontFaceCss(options.fontUrl ?? fontDataUri, codePoints, families);
    if (!options.fontUrl) options.fontCache?.set(key, fonts);
  }
  const fontCss = await fonts;
  // A page number not known yet is laid out as wide as a big book's.
  const placeholder = book.chapters.reduce((sum, chapter) => sum + chapter.file.value.length, 0) > 200_000 ? 3 : 2;
  const isolateUndrawable = rehypeIsolateUndrawable({ find, headText });
  const html = (part: PrintPart, split = false, pages?: ReadonlyMap<string, string>) => {
    const document: Root = bookDocument(config, part.chapters as Chapter[], {
      css: siblings.css,
      ignoredCss: [fontCss],
      head,
      front: part.front,
      contents: chapters,
      halfTitle: true,
    });
    isolateUndrawable(document);
    markSiblings(document, siblings.classes);
    addTocPageSlots(document);
    if (split) linksBetweenParts(document.children.find((node): node is Element => node.type === 'element')!);
    setPageNumbers(document, pages, placeholder);
    return toHtml(document);
  };
  return { chapters, html, headText, pageReferences: chapters.some((chapter) => hasPageReferences(chapter.tree)) };
}
