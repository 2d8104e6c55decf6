import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFileMessage } from 'vfile-message';
import type { BookConfig } from '../config/schema.js';
import { readAsset } from '../core/assets.js';
import { warning } from '../core/messages.js';
import type { RenderedChapter } from '../html/render-chapters.js';
import type { ImageAsset } from '../assets/resolve-images.js';
import { assignGids } from '../html/gids.js';
import { withImageSources } from '../html/image-sources.js';
import { titlePage } from '../html/title-page.js';
import { contentDocument } from './content-document.js';
import { svgCover } from './cover.js';
import { epubFonts, fontFaceRules } from './fonts.js';
import { collectIds, relinkFragments } from './links.js';
import { navDocument, type PageTarget } from './nav-document.js';
import { containerDocument, packageDocument, type ManifestItem } from './package-document.js';
import { insertPageMarkers, type PageStart } from './page-markers.js';
import { chapterHref, COVER_HREF, NAV_HREF, PACKAGE_DIR, PACKAGE_PATH, STYLE_HREF, TITLE_HREF } from './paths.js';
import { addEpubSemantics } from './semantics.js';
import { xhtmlDocument, xmlDocument } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

export interface EpubStageOptions {
  config: BookConfig;
  chapters: readonly RenderedChapter[];
  /** The checked images of the book. */
  images: readonly ImageAsset[];
  /** Where messages about the book point. */
  configFile: string;
  /** The reproducible timestamp; `undefined` falls back to the Unix epoch, with a warning. */
  date: Date | undefined;
  /** The print edition's title page as PNG, when the PDF was built in the same run. */
  coverPng?: Uint8Array | undefined;
  /** Where each print page starts, when the PDF was built in the same run. */
  pageStarts?: readonly PageStart[] | undefined;
}

export interface EpubStageResult {
  bytes: Uint8Array;
  messages: VFileMessage[];
}

const encoder = new TextEncoder();

/** `CCYY-MM-DDThh:mm:ssZ`, as `dcterms:modified` requires. */
const modifiedStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The e-book edition, packaged as EPUB 3 from the same chapter trees. No browser needed. */
export async function buildEpub(options: EpubStageOptions): Promise<EpubStageResult> {
  const { config } = options;
  const messages: VFileMessage[] = [];
  const date = options.date ?? new Date(0);
  if (!options.date) {
    messages.push(warning({ file: options.configFile, reason: 'No `date` in the book metadata and no SOURCE_DATE_EPOCH: the EPUB is dated 1970-01-01T00:00:00Z; add a `date`', ruleId: 'missing-field' }));
  }

  // Chapters: semantics, cross-document links, print page markers.
  // Content documents live in text/, images in images/.
  const trees = withImageSources(options.chapters, (href) => `../${href}`).map((chapter) => chapter.tree);
  assignGids(trees);
  const fileOfId = new Map<string, string>();
  const idsOf = trees.map((tree, i) => {
    const ids = collectIds(tree);
    for (const id of ids) fileOfId.set(id, `${chapterHref(options.chapters[i]!.chapter.id).slice('text/'.length)}`);
    return ids;
  });
  const pages: PageTarget[] = [];
  trees.forEach((tree, i) => {
    const chapter = options.chapters[i]!;
    addEpubSemantics(tree);
    for (const link of relinkFragments(tree, idsOf[i]!, fileOfId)) {
      messages.push(warning({ file: chapter.chapter.file.path, reason: `Unexpected link to \`${String(link.properties.href)}\`, no heading or note has that id`, ruleId: 'broken-link', place: link.position?.start }));
    }
    if (options.pageStarts) {
      for (const marker of insertPageMarkers(tree, options.pageStarts)) pages.push({ label: marker.label, href: `${chapterHref(chapter.chapter.id)}#${marker.id}` });
    }
  });
  pages.sort((a, b) => Number(a.label) - Number(b.label));

  const entries: ZipEntry[] = [];
  const items: ManifestItem[] = [];
  const add = (href: string, data: Uint8Array | string, item: Omit<ManifestItem, 'href'>) => {
    entries.push({ path: `${PACKAGE_DIR}/${href}`, data: typeof data === 'string' ? encoder.encode(data) : data });
    items.push({ ...item, href });
  };
  const xhtml = 'application/xhtml+xml';
  const creators = config.creator.join(', ');

  // Cover: the print title page when we have it, else a typographic SVG. (Image
  // assets never start with `_`, so the names cannot clash.)
  const coverImage = options.coverPng
    ? { href: 'images/_cover.png', data: options.coverPng, mediaType: 'image/png' }
    : { href: 'images/_cover.svg', data: xmlDocument(svgCover(config)), mediaType: 'image/svg+xml' };
  const coverBody: ElementContent[] = [
    h('section', { className: ['cover'], 'epub:type': 'cover' }, [h('img', { src: `../${coverImage.href}`, alt: `Cover: ${config.title}, by ${creators}`, role: 'doc-cover' })]),
  ];
  add(COVER_HREF, xhtmlDocument(contentDocument({ title: config.title, language: config.language, body: coverBody })), { id: 'cover', mediaType: xhtml, spine: { linear: true } });

  const title = h('section', { 'epub:type': 'titlepage' }, [titlePage(config)]);
  add(TITLE_HREF, xhtmlDocument(contentDocument({ title: config.title, language: config.language, body: [title], bodyType: 'frontmatter' })), { id: 'title-page', mediaType: xhtml, spine: { linear: true } });

  add(NAV_HREF, xhtmlDocument(navDocument({ title: config.title, language: config.language, chapters: options.chapters, pages, hasCover: true })), { id: 'nav', mediaType: xhtml, properties: 'nav', spine: { linear: true } });

  let hasImages = false;
  let allDescribed = true;
  trees.forEach((tree, i) => {
    const chapter = options.chapters[i]!;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      hasImages = true;
      if (typeof node.properties.alt !== 'string' || node.properties.alt.trim() === '') allDescribed = false;
    });
    const body = tree.children.filter((node): node is Element => node.type === 'element');
    add(chapterHref(chapter.chapter.id), xhtmlDocument(contentDocument({ title: chapter.title, language: config.language, body, bodyType: 'bodymatter' })), {
      id: `chapter-${chapter.chapter.id}`,
      mediaType: xhtml,
      spine: { linear: true },
    });
  });

  const text = trees.map((tree) => toString(tree)).join('\n');
  const fonts = await epubFonts(text);
  add(STYLE_HREF, `${fontFaceRules(fonts)}\n\n${await readAsset('styles/epub.css')}`, { id: 'style', mediaType: 'text/css' });
  fonts.forEach((font, i) => add(font.href, font.data, { id: `font-${i + 1}`, mediaType: 'font/woff2' }));
  add(coverImage.href, coverImage.data, { id: 'cover-image', mediaType: coverImage.mediaType, properties: 'cover-image' });
  options.images.forEach((image, i) => add(image.href, image.data, { id: `image-${i + 1}`, mediaType: image.mediaType }));

  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability', ...(pages.length > 0 ? ['printPageNumbers', 'pageNavigation'] : []), ...(hasImages && allDescribed ? ['alternativeText'] : [])];
  const summary = [
    'A reflowable text publication with a navigable table of contents, headings in a logical hierarchy and a reading order that follows the print edition.',
    'Data tables have header cells and captions.',
    pages.length > 0 ? 'Page numbers of the print edition are marked and listed.' : '',
    hasImages ? (allDescribed ? 'Images have text alternatives.' : 'Some images have no text alternative.') : 'The cover is the only image and carries no information beyond the title and author.',
    'No flashing, sound or motion hazards.',
  ].filter(Boolean).join(' ');
  const opf = packageDocument({
    config,
    modified: modifiedStamp(date),
    items,
    accessibility: { modes: hasImages ? ['textual', 'visual'] : ['textual'], features, summary },
    pageList: pages.length > 0,
  });

  const bytes = zip(
    [
      { path: 'mimetype', data: encoder.encode('application/epub+zip'), store: true },
      { path: 'META-INF/container.xml', data: encoder.encode(xmlDocument(containerDocument(PACKAGE_PATH))) },
      { path: PACKAGE_PATH, data: encoder.encode(xmlDocument(opf)) },
      ...entries,
    ],
    date,
  );
  return { bytes, messages };
}
