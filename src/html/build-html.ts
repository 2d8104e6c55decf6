import { toHtml } from 'hast-util-to-html';
import type { BookConfig } from '../config/schema.js';
import { readAsset } from '../core/assets.js';
import { htmlDocument } from './document.js';
import type { RenderedChapter } from './render-chapters.js';

/** The style sheets of the HTML (screen) edition, in cascade order. */
export const screenStyles = ['styles/base.css', 'styles/screen.css'];

/** Serialise the standalone HTML edition, its styles inlined. */
export async function buildHtml(config: BookConfig, chapters: readonly RenderedChapter[]): Promise<string> {
  const css = await Promise.all(screenStyles.map(readAsset));
  return toHtml(htmlDocument(config, chapters, { css }), { allowDangerousCharacters: false }) + '\n';
}
