import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Record every `<img>` of the chapter in `file.data.images` (no I/O: resolving is a later stage). */
export function rehypeCollectImages() {
  return (tree: Root, file: VFile) => {
    const images: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') images.push(node);
    });
    file.data.images = images;
  };
}
