import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { RenderedChapter } from './render-chapters.js';

/** Copies of the chapters whose `<img src>` are mapped through `sources` (canonical href → edition URL). */
export function withImageSources(chapters: readonly RenderedChapter[], sources: (href: string) => string): RenderedChapter[] {
  return chapters.map((chapter) => {
    const tree = structuredClone(chapter.tree) as Root;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.src.startsWith('images/')) {
        node.properties.src = sources(node.properties.src);
      }
    });
    return { ...chapter, tree };
  });
}
