import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { Chapter } from '../../model/book.js';
import { contentsLabel } from '../../shared/language.js';
import { tocList } from '../shared/toc.js';
import { contentDocument } from './content-document.js';
import { chapterHref, COVER_HREF, TITLE_HREF } from './paths.js';

/** A print page number and where its page starts in the e-book. */
export interface PageTarget {
  label: string;
  /** Href relative to the package document (`text/x.xhtml#page-5`). */
  href: string;
}

export interface NavOptions {
  title: string;
  language: string;
  chapters: readonly Chapter[];
  pages: readonly PageTarget[];
}

/** Hrefs in the navigation document are relative to it (it sits beside the package document). */
const href = (chapter: Chapter, id: string) => `${chapterHref(chapter.id)}${id ? `#${id}` : ''}`;

/** The EPUB navigation document: `toc`, `landmarks` and, with a print edition, `page-list`. */
export function navDocument(options: NavOptions): Root {
  const label = contentsLabel(options.language);
  const navs: Element[] = [
    h('nav', { 'epub:type': 'toc', role: 'doc-toc', id: 'toc', ariaLabelledBy: 'toc-title' }, [
      h('h1', { id: 'toc-title' }, label),
      tocList(options.chapters, { depth: 3, href, language: options.language }),
    ]),
  ];
  const firstOf = (matter: Chapter['place']['matter']) => options.chapters.find((chapter) => chapter.place.matter === matter);
  const [front, first, back] = [firstOf('front'), firstOf('body'), firstOf('back')];
  navs.push(
    h('nav', { 'epub:type': 'landmarks', id: 'landmarks', hidden: true, ariaLabel: 'Landmarks' }, [
      h('ol', [
        h('li', h('a', { 'epub:type': 'cover', href: COVER_HREF }, 'Cover')),
        h('li', h('a', { 'epub:type': 'titlepage', href: TITLE_HREF }, 'Title page')),
        h('li', h('a', { 'epub:type': 'toc', href: '#toc' }, label)),
        front ? h('li', h('a', { 'epub:type': 'frontmatter', href: chapterHref(front.id) }, front.title)) : undefined,
        first ? h('li', h('a', { 'epub:type': 'bodymatter', href: chapterHref(first.id) }, first.title)) : undefined,
        back ? h('li', h('a', { 'epub:type': 'backmatter', href: chapterHref(back.id) }, back.title)) : undefined,
      ]),
    ]),
  );
  if (options.pages.length > 0) {
    navs.push(
      h('nav', { 'epub:type': 'page-list', id: 'page-list', hidden: true, ariaLabel: 'Print page numbers' }, [
        h(
          'ol',
          options.pages.map((page) => h('li', h('a', { href: page.href }, page.label))),
        ),
      ]),
    );
  }
  const doc = contentDocument({ title: options.title, language: options.language, body: navs, bodyType: 'frontmatter' });
  // The navigation document sits beside the package document, not in text/.
  const link = findLink(doc);
  if (link) link.properties.href = 'styles/epub.css';
  return doc;
}

function findLink(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'link') return child;
    const found = findLink(child);
    if (found) return found;
  }
  return undefined;
}
