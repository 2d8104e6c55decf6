import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { unified } from 'unified';
import type { BookConfig } from '../config/schema.js';
import { readAsset } from '../core/assets.js';
import { htmlDocument } from '../html/document.js';
import { assignGids } from '../html/gids.js';
import { withImageSources } from '../html/image-sources.js';
import { rehypeHyphenate } from '../html/plugins/rehype-hyphenate.js';
import type { RenderedChapter } from '../html/render-chapters.js';
import { codePointsOf, fontDataUri, fontFaceCss } from './fonts.js';
import { hyphenatorFor } from './hyphenation.js';
import { pageCss } from './page-css.js';

/** Style sheets of the print edition, in cascade order (after the fonts). */
export const printStyles = ['styles/base.css', 'styles/print.css'];

/**
 * The HTML that Paged.js lays out: the same chapters as the other editions,
 * hyphenated with soft hyphens, with embedded fonts, the print styles and the
 * page geometry of the trim size.
 */
export async function printDocument(
  config: BookConfig,
  chapters: readonly RenderedChapter[],
  images: ReadonlyMap<string, string>,
  options: {
    /** Where font files are referenced from (default: embedded as data URIs). */
    fontUrl?: (pkg: string, file: string) => string | Promise<string>;
    /** Load Paged.js from this URL in the head (default: none, e.g. for other tools). */
    polyfillUrl?: string;
    /** Font CSS by code point set, kept between builds (watch mode). */
    fontCache?: Map<string, Promise<string>> | undefined;
  } = {},
): Promise<string> {
  const hyphenate = hyphenatorFor(config.language);
  const hyphenator = hyphenate ? unified().use(rehypeHyphenate, { hyphenate }) : undefined;
  const printed = withImageSources(chapters, (href) => images.get(href) ?? href);
  assignGids(printed.map((chapter) => chapter.tree));
  // Hyphenation changes text only, so the numbering matches the other editions'.
  if (hyphenator) for (const chapter of printed) await hyphenator.run(chapter.tree);
  const styles = [...(await Promise.all(printStyles.map(readAsset))), pageCss(config.trim)];
  // An empty icon keeps the browser from asking for /favicon.ico.
  const head = [h('link', { rel: 'icon', href: 'data:,' }), ...(options.polyfillUrl ? [h('script', { src: options.polyfillUrl })] : [])];
  // Only the font subsets the text needs, embedded: nothing to fetch, the same every
  // time, and outside Paged.js's style processing.
  const text = toString(htmlDocument(config, printed, { css: [] }));
  const codePoints = codePointsOf(text);
  const key = [...codePoints].sort((a, b) => a - b).join(',');
  let fonts = options.fontUrl ? undefined : options.fontCache?.get(key);
  if (!fonts) {
    fonts = fontFaceCss(options.fontUrl ?? fontDataUri, codePoints);
    if (!options.fontUrl) options.fontCache?.set(key, fonts);
  }
  return toHtml(htmlDocument(config, printed, { css: styles, ignoredCss: [await fonts], head }));
}
