import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toString as textOf } from 'hast-util-to-string';
import path from 'node:path';
import type { Book, StyleResource } from '../../model/book.js';
import type { PrintLayout } from '../../model/print-layout.js';
import { copyrightPage, titlePage } from '../shared/title-page.js';
import { editionChapter } from '../shared/edition-tree.js';
import { bookFamilies, houseStyles } from '../shared/house-style.js';
import { warn } from '../../shared/messages.js';
import { readAsset } from '../../shared/package-files.js';
import { accessibilityMetadata } from './accessibility.js';
import { contentDocument } from './content-document.js';
import { svgCover } from './cover.js';
import { epubFonts, fontFaceRules } from './epub-fonts.js';
import { collectIds, relinkFragments } from './links.js';
import { navDocument, type PageTarget } from './nav-document.js';
import { containerDocument, packageDocument, type ManifestItem } from './package-document.js';
import { insertPageMarkers } from './page-markers.js';
import { chapterHref, COPYRIGHT_HREF, COVER_HREF, NAV_HREF, PACKAGE_DIR, PACKAGE_PATH, STYLE_HREF, TITLE_HREF } from './paths.js';
import { addEpubSemantics } from './semantics.js';
import { assertWellFormed, xhtmlDocument, xmlDocument } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

export interface EpubOptions {
  /** The reproducible timestamp; `undefined` falls back to the Unix epoch, with a warning. */
  date: Date | undefined;
  /** The print edition's layout, when the PDF was built in the same run (or kept by watch mode). */
  print: PrintLayout | undefined;
}

/** The e-book's style sheet is these, in cascade order, after the embedded fonts. */
export const epubStyles = ['styles/components.css', 'styles/epub.css'];

const encoder = new TextEncoder();

/** `CCYY-MM-DDThh:mm:ssZ`, as `dcterms:modified` requires. */
const modifiedStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The e-book edition, packaged as EPUB 3 from the book's chapters. No browser is
 * needed. Warnings land on the files they are about.
 */
export async function epubEdition(book: Book, options: EpubOptions): Promise<Uint8Array> {
  const { config } = book;
  const date = options.date ?? new Date(0);
  if (!options.date) {
    warn(book.configFile, 'missing-field', 'No `date` in the book metadata and no SOURCE_DATE_EPOCH: the EPUB is dated 1970-01-01T00:00:00Z; add a `date`');
  }

  // Chapters: semantics, cross-document links, print page markers.
  // Content documents live in text/, images in images/.
  const chapters = book.chapters.map((chapter) => editionChapter(chapter, { imageSource: (href) => `../${href}`, keepBlockNumbers: true }));
  const fileOfId = new Map<string, string>();
  const idsOf = chapters.map((chapter) => {
    const ids = collectIds(chapter.tree);
    for (const id of ids) fileOfId.set(id, chapterHref(chapter.id).slice('text/'.length));
    return ids;
  });
  const pages: Array<PageTarget & { page: number }> = [];
  chapters.forEach((chapter, i) => {
    addEpubSemantics(chapter.tree);
    relinkFragments(chapter.tree, idsOf[i]!, fileOfId);
    for (const marker of insertPageMarkers(chapter.tree, options.print?.pageStarts ?? [], book.config.language))
      pages.push({ page: marker.page, label: marker.label, href: `${chapterHref(chapter.id)}#${marker.id}` });
  });
  pages.sort((a, b) => a.page - b.page);

  const entries: ZipEntry[] = [];
  const items: ManifestItem[] = [];
  const add = (href: string, data: Uint8Array | string, item: Omit<ManifestItem, 'href'>) => {
    // The documents Galley writes as XML are checked with a strict parser.
    if (typeof data === 'string' && /\.(xhtml|svg)$/.test(href)) assertWellFormed(href, data);
    entries.push({ path: `${PACKAGE_DIR}/${href}`, data: typeof data === 'string' ? encoder.encode(data) : data });
    items.push({ ...item, href });
  };
  const xhtml = 'application/xhtml+xml';
  const creators = config.creator.join(', ');

  // Cover: the print title page when we have it, else a typographic SVG. (Image
  // assets never start with `_`, so the names cannot clash.)
  const coverPng = options.print?.coverPng;
  const coverImage = coverPng
    ? { href: 'images/_cover.png', data: coverPng, mediaType: 'image/png' }
    : { href: 'images/_cover.svg', data: xmlDocument(svgCover(config)), mediaType: 'image/svg+xml' };
  const coverBody: ElementContent[] = [
    h('section', { className: ['cover'], 'epub:type': 'cover' }, [
      h('img', { src: `../${coverImage.href}`, alt: `Cover: ${config.title}, by ${creators}`, role: 'doc-cover' }),
    ]),
  ];
  add(COVER_HREF, xhtmlDocument(contentDocument({ title: config.title, language: config.language, body: coverBody })), {
    id: 'cover',
    mediaType: xhtml,
    spine: true,
  });

  const title = h('section', { 'epub:type': 'titlepage' }, [titlePage(config)]);
  add(TITLE_HREF, xhtmlDocument(contentDocument({ title: config.title, language: config.language, body: [title], bodyType: 'frontmatter' })), {
    id: 'title-page',
    mediaType: xhtml,
    spine: true,
  });

  // A book with front matter has a copyright page, after the title page.
  const copyright = config.front ? copyrightPage(config) : undefined;
  if (copyright) {
    const body = [h('section', { 'epub:type': 'copyright-page' }, [copyright])];
    add(COPYRIGHT_HREF, xhtmlDocument(contentDocument({ title: config.title, language: config.language, body, bodyType: 'frontmatter' })), {
      id: 'copyright',
      mediaType: xhtml,
      spine: true,
    });
  }

  add(NAV_HREF, xhtmlDocument(navDocument({ title: config.title, language: config.language, chapters, pages })), {
    id: 'nav',
    mediaType: xhtml,
    properties: 'nav',
    spine: true,
  });

  for (const chapter of chapters) {
    const body = chapter.tree.children.filter((node): node is ElementContent => node.type === 'element');
    const bodyType = ({ front: 'frontmatter', body: 'bodymatter', back: 'backmatter' } as const)[chapter.place.matter];
    add(chapterHref(chapter.id), xhtmlDocument(contentDocument({ title: chapter.title, language: config.language, body, bodyType })), {
      id: `chapter-${chapter.id}`,
      mediaType: xhtml,
      spine: true,
    });
  }

  const trees = chapters.map((chapter) => chapter.tree);
  const families = bookFamilies(config);
  const fonts = await epubFonts(trees.map((tree) => textOf(tree)).join('\n'), {
    body: families.body,
    headings: families.headings === bookFamilies({ ...config, theme: 'galley', font: undefined }).headings ? undefined : families.headings,
  });
  // The files the author's sheets name, each once, beside the style sheet.
  const resources = new Map<string, { href: string; resource: StyleResource }>();
  const house = await houseStyles(book, 'epub', (resource) => {
    let known = resources.get(resource.path);
    if (!known) {
      known = { href: `house/${resources.size + 1}-${path.posix.basename(resource.path).replace(/[^\w.-]/g, '_')}`, resource };
      resources.set(resource.path, known);
    }
    return known.href;
  });
  const css = await Promise.all(epubStyles.map(readAsset));
  add(STYLE_HREF, [fontFaceRules(fonts), ...css, ...house].join('\n\n'), { id: 'style', mediaType: 'text/css' });
  for (const [i, font] of fonts.entries()) add(font.href, font.data, { id: `font-${i + 1}`, mediaType: 'font/woff2' });
  for (const [i, { href, resource }] of [...resources.values()].entries()) {
    add(`styles/${href}`, resource.data, { id: `house-${i + 1}`, mediaType: resource.mediaType });
  }
  add(coverImage.href, coverImage.data, { id: 'cover-image', mediaType: coverImage.mediaType, properties: 'cover-image' });
  for (const [i, image] of book.assets.entries()) add(image.href, image.data, { id: `image-${i + 1}`, mediaType: image.mediaType });

  const opf = packageDocument({
    config,
    modified: modifiedStamp(date),
    items,
    accessibility: accessibilityMetadata(trees, { pageList: pages.length > 0 }),
    pageList: pages.length > 0,
  });
  const container = xmlDocument(containerDocument(PACKAGE_PATH));
  const opfXml = xmlDocument(opf);
  assertWellFormed('META-INF/container.xml', container);
  assertWellFormed(PACKAGE_PATH, opfXml);
  return zip(
    [
      { path: 'mimetype', data: encoder.encode('application/epub+zip'), store: true },
      { path: 'META-INF/container.xml', data: encoder.encode(container) },
      { path: PACKAGE_PATH, data: encoder.encode(opfXml) },
      ...entries,
    ],
    date,
  );
}
