import type { Book, BookConfig, StyleResource, StyleSheet } from '../../model/book.js';
import { readAsset } from '../../shared/package-files.js';
import { isSerif, type TextFamily } from '../../shared/text-families.js';

/** Which edition a sheet is for: the HTML edition (screen), the PDF (print), the e-book. */
export type StyleEdition = 'screen' | 'print' | 'epub';

/** The families of a theme's text and headings, before `font` in `book.yaml`. */
const themeFamilies: Record<BookConfig['theme'], { body: TextFamily; headings: TextFamily }> = {
  galley: { body: 'Source Serif 4', headings: 'Source Sans 3' },
  classic: { body: 'EB Garamond', headings: 'EB Garamond' },
};

/** The theme's own sheets (after Galley's), by edition. */
const themeSheets: Record<BookConfig['theme'], Record<StyleEdition, string[]>> = {
  galley: { screen: [], print: [], epub: [] },
  classic: {
    screen: ['styles/themes/classic.css'],
    print: ['styles/themes/classic.css', 'styles/themes/classic-print.css'],
    epub: ['styles/themes/classic.css'],
  },
};

/** The families a book's text and headings are set in. */
export function bookFamilies(config: BookConfig): { body: TextFamily; headings: TextFamily } {
  const theme = themeFamilies[config.theme];
  return { body: config.font?.body ?? theme.body, headings: config.font?.headings ?? theme.headings };
}

const stack = (family: TextFamily) => (isSerif(family) ? `'${family}', 'Amiri', 'Noto Serif', serif` : `'${family}', 'Amiri', 'Noto Sans', sans-serif`);

/**
 * The sheets of a book's house style, after Galley's own, in cascade order: the
 * theme's, the `font` settings as custom properties (and, in the e-book, as the
 * families of text and headings), then the author's sheets with each file they
 * name at `urlOf(resource)`. None for a book that sets none of them.
 */
export async function houseStyles(book: Pick<Book, 'config' | 'styles'>, edition: StyleEdition, urlOf: (resource: StyleResource) => string): Promise<string[]> {
  const { config } = book;
  const sheets = await Promise.all(themeSheets[config.theme][edition].map(readAsset));
  const settings = fontSettings(config, edition);
  if (settings) sheets.push(settings);
  for (const sheet of book.styles) sheets.push(styleSheetText(sheet, urlOf));
  return sheets;
}

function fontSettings(config: BookConfig, edition: StyleEdition): string | undefined {
  const families = bookFamilies(config);
  const defaults = themeFamilies.galley;
  const properties: string[] = [];
  const rules: string[] = [];
  if (edition === 'epub') {
    if (families.body !== defaults.body) rules.push(`html { font-family: ${stack(families.body)}; }`);
    if (families.headings !== defaults.headings) rules.push(`h1, h2, h3, h4, h5, h6 { font-family: ${stack(families.headings)}; }`);
  } else {
    if (families.body !== defaults.body) properties.push(`--galley-serif: ${stack(families.body)};`);
    if (families.headings !== defaults.headings) properties.push(`--galley-sans: ${stack(families.headings)};`);
  }
  if (config.font?.size !== undefined && edition === 'print') properties.push(`--galley-font-size: ${config.font.size}pt;`);
  if (config.font?.leading !== undefined) properties.push(`--galley-leading: ${config.font.leading};`);
  if (properties.length > 0) rules.unshift(`:root { ${properties.join(' ')} }`);
  return rules.length > 0 ? rules.join('\n') : undefined;
}

/** An author's sheet with each file it names at `urlOf(resource)`. */
export function styleSheetText(sheet: StyleSheet, urlOf: (resource: StyleResource) => string): string {
  return sheet.css.replace(/<galley-style:(\d+)>/g, (whole, index: string) => {
    const resource = sheet.resources[Number(index)];
    return resource ? urlOf(resource) : whole;
  });
}

/** A resource as a data URI, for the editions that load nothing (HTML, PDF). */
export const resourceDataUri = (resource: StyleResource): string => `data:${resource.mediaType};base64,${Buffer.from(resource.data).toString('base64')}`;
