import type { BookConfig } from '../../model/book.js';
import { bleedOf, geometryWith, sheetMarginOf } from '../../shared/page-geometry.js';

/** The generated sheet that sets the trim size, mirrored margins, bleed and printer's marks. */
export function pageCss(config: Pick<BookConfig, 'trim' | 'page' | 'creator' | 'front'>): string {
  const g = geometryWith(config.trim, config.page?.margins);
  const [top, bottom, inner, outer] = g.margins;
  // Paged.js's bleed is the whole sheet around the trim: the bleed, and outside it the marks,
  // which end a millimetre outside the bleed (Paged.js's crop offset is measured from the trim).
  const sheet = sheetMarginOf(config.page);
  const marks = config.page?.marks;
  const press = [sheet > 0 ? ` bleed: ${sheet}mm;` : '', marks ? ` marks: ${marks.join(' ')};` : ''].join('');
  return [
    `@page { size: ${g.size}; margin: ${top} ${outer} ${bottom} ${inner};${press} }`,
    ...(marks ? [`:root { --pagedjs-crop-offset: ${bleedOf(config.page) + 1}mm; }`] : []),
    `@page :left { margin-left: ${outer}; margin-right: ${inner}; }`,
    `@page :right { margin-left: ${inner}; margin-right: ${outer}; }`,
    `:root { --galley-font-size: ${g.fontSize}; --galley-content-width: calc(${g.size.split(' ')[0]} - ${inner} - ${outer}); --galley-content-height: calc(${g.size.split(' ')[1]} - ${top} - ${bottom}); }`,
    ...headsCss(config),
    ...frontFoliosCss(config),
  ].join('\n');
}

/**
 * A book with front matter numbers its pages in roman numerals up to the body,
 * which starts again at 1 (on the page of `data-body-start`: in-page/finish-part.ts).
 * The margin boxes are declared whole: Paged.js replaces a box declared again.
 */
function frontFoliosCss(config: Pick<BookConfig, 'front'>): string[] {
  if (!config.front) return [];
  const folio = (side: 'left' | 'right') =>
    `@page front:${side} { @bottom-${side} { content: counter(page, lower-roman); font-family: var(--galley-serif); font-size: 9pt; vertical-align: top; padding-top: 4mm; } }`;
  return [folio('left'), folio('right')];
}

/** A CSS string. */
const cssString = (text: string) =>
  `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, '\\A ')
    .replace(/</g, '\\3c ')}"`;

/**
 * The running heads a book sets (`page.heads`), in place of print.css's (the book's
 * title on the left, the section on the right); the pages that carry none (the
 * title page, blank pages, front matter, a chapter's opening page) keep none.
 */
function headsCss(config: Pick<BookConfig, 'page' | 'creator'>): string[] {
  const heads = config.page?.heads;
  if (!heads) return [];
  const content = { title: 'string(book-title)', section: 'string(section)', creator: cssString(config.creator.join(', ')), none: 'none' } as const;
  const rules: string[] = [];
  if (heads.verso) rules.push(`@page :left { @top-left { content: ${content[heads.verso]}; } }`);
  if (heads.recto) rules.push(`@page :right { @top-right { content: ${content[heads.recto]}; } }`);
  const none = '@top-left { content: none; } @top-right { content: none; }';
  return [...rules, ...['title', ':blank', 'front', 'chapter:first'].map((page) => `@page ${page} { ${none} }`)];
}
