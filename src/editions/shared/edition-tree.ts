import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Chapter, ImageAsset } from '../../model/book.js';

export interface EditionTreeOptions {
  /** The `src` an image gets in the edition, from its asset's href (`images/<name>`). */
  imageSource: (href: string) => string;
  /** Keep the block numbers (`data-block`): the print edition and the e-book's page list use them. */
  keepBlockNumbers: boolean;
  /** Mark each image with its asset's href (`data-galley-image`): the print edition checks their resolution. */
  markImages?: boolean;
}

/**
 * An edition's own copy of a chapter: its images pointing where the edition keeps
 * them, and the block numbers kept or dropped. The book's chapter is left as it is.
 */
export function editionChapter(chapter: Chapter, options: EditionTreeOptions): Chapter {
  const tree = structuredClone(chapter.tree) as Root;
  visit(tree, 'element', (node: Element) => {
    if (!options.keepBlockNumbers) delete node.properties.dataBlock;
    if (node.tagName === 'img' && typeof node.properties.src === 'string' && node.properties.src.startsWith('images/')) {
      if (options.markImages) node.properties.dataGalleyImage = node.properties.src;
      node.properties.src = options.imageSource(node.properties.src);
    }
  });
  return { ...chapter, tree };
}

const encoded = {
  screen: new WeakMap<readonly ImageAsset[], ReadonlyMap<string, string>>(),
  print: new WeakMap<readonly ImageAsset[], ReadonlyMap<string, string>>(),
};

/**
 * Image sources for editions that carry their images inline: data URIs by asset
 * href, of the pictures for the screen (the HTML edition) or for print, encoded
 * once per book however many editions ask.
 */
export function dataUris(assets: readonly ImageAsset[], use: 'screen' | 'print'): ReadonlyMap<string, string> {
  let uris = encoded[use].get(assets);
  if (!uris) {
    const bytes = (asset: ImageAsset) => (use === 'print' ? asset.print : asset.data);
    const type = (asset: ImageAsset) => (use === 'print' ? asset.printType : asset.mediaType);
    uris = new Map(assets.map((asset) => [asset.href, `data:${type(asset)};base64,${Buffer.from(bytes(asset)).toString('base64')}`]));
    encoded[use].set(assets, uris);
  }
  return uris;
}
