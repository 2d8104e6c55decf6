/** Where things live inside the EPUB container. */
export const PACKAGE_DIR = 'EPUB';
export const PACKAGE_PATH = `${PACKAGE_DIR}/package.opf`;
export const NAV_HREF = 'nav.xhtml';
export const TITLE_HREF = 'text/title.xhtml';
export const COVER_HREF = 'text/cover.xhtml';
export const COPYRIGHT_HREF = 'text/copyright.xhtml';
export const STYLE_HREF = 'styles/epub.css';

/** A chapter's content document, relative to the package document. */
export const chapterHref = (id: string): string => `text/${id}.xhtml`;

/** A path relative to the package document, as seen from a document in `text/`. */
export const fromText = (href: string): string => (href.startsWith('text/') ? href.slice('text/'.length) : `../${href}`);
