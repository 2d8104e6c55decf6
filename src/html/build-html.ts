import { toHtml } from 'hast-util-to-html';
import type { BookConfig } from '../config/schema.js';
import { readAsset } from '../core/assets.js';
import { htmlDocument } from './document.js';
import { withImageSources } from './image-sources.js';
import type { RenderedChapter } from './render-chapters.js';

/** The style sheets of the HTML (screen) edition, in cascade order. */
export const screenStyles = ['styles/base.css', 'styles/screen.css'];

/** Serialise the standalone HTML edition: styles and images inlined, so it opens anywhere. */
export async function buildHtml(config: BookConfig, chapters: readonly RenderedChapter[], images: ReadonlyMap<string, string>): Promise<string> {
  const css = await Promise.all(screenStyles.map(readAsset));
  const inlined = withImageSources(chapters, (href) => images.get(href) ?? href);
  return toHtml(htmlDocument(config, inlined, { css }), { allowDangerousCharacters: false }) + '\n';
}
