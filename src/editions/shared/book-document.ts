import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { BookConfig, Chapter } from '../../model/book.js';
import { generator } from '../../shared/package-files.js';
import { contentsLabel, isRtl } from '../../shared/language.js';
import { copyrightPage, halfTitle, titlePage } from './title-page.js';
import { tocNav } from './toc.js';

export interface DocumentOptions {
  /** Style sheets, inlined in order. */
  css: readonly string[];
  /** Style sheets placed first and marked for Paged.js to leave alone (fonts). */
  ignoredCss?: readonly string[];
  /** Extra elements for the head (scripts of the print edition). */
  head?: readonly Element[];
  /** With the title page and contents (default); a print layout part may hold chapters only. */
  front?: boolean;
  /** The chapters the contents lists (default: the document's). */
  contents?: readonly Chapter[];
  /** A half title before the title page, in a book with front matter (print). */
  halfTitle?: boolean;
}

/**
 * The whole book as one HTML document: head with metadata and styles, title page,
 * (in a book with front matter, a half title before it in print and a copyright
 * page after it), contents, chapters. The HTML edition serialises it; the print edition lays it out.
 */
export function bookDocument(config: BookConfig, chapters: readonly Chapter[], options: DocumentOptions): Root {
  const meta = (name: string, content: string | undefined) => (content === undefined ? undefined : h('meta', { name, content }));
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', config.subtitle ? `${config.title}: ${config.subtitle}` : config.title),
    meta('author', config.creator.join(', ')),
    meta('description', config.description),
    meta('keywords', config.subjects?.join(', ')),
    meta('generator', generator),
    meta('dcterms.identifier', config.identifier),
    meta('dcterms.date', config.date),
    meta('dcterms.publisher', config.publisher),
    meta('dcterms.rights', config.rights),
    ...(options.ignoredCss ?? []).map((css) => h('style', { dataPagedjsIgnore: '' }, css)),
    ...options.css.map((css) => h('style', css)),
    ...(options.head ?? []),
  ]);
  const front =
    options.front === false
      ? []
      : [
          ...(options.halfTitle && config.front ? [halfTitle(config)] : []),
          titlePage(config),
          ...(config.front ? [copyrightPage(config)].filter((page) => page !== undefined) : []),
          tocNav(options.contents ?? chapters, {
            depth: 2,
            title: contentsLabel(config.language),
            href: (_chapter, id) => `#${id}`,
            language: config.language,
          }),
        ];
  const body = h('body', [
    ...front,
    h(
      'main',
      { id: 'main' },
      chapters.flatMap((chapter) => chapter.tree.children as Element[]),
    ),
  ]);
  return {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: config.language, dir: isRtl(config.language) ? 'rtl' : undefined }, [head, body])],
  };
}
