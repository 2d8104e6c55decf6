import type { ImageAsset } from '../../model/book.js';
import { loadSharp, resizeImage } from '../../shared/write-image.js';
import type { PrintedImage } from './in-page/image-resolution.js';

/**
 * The smaller copies made in this process, by the picture they were made from (the
 * same bytes on every build of a watch session: `prepareImage` keeps them) and width.
 */
const made = new WeakMap<Uint8Array, Map<number, Promise<string | undefined>>>();

/**
 * The pictures a part of the print edition prints, each at most at the book's
 * print resolution for the size it is printed at. The book's assets hold the
 * pictures for the largest size an image can print (the text area); an image laid
 * out smaller (`{width=50%}`, in a table, the infobox or a note) gets a smaller
 * copy for that size, made once per size however many pictures print it (and
 * kept for the next builds of a watch session).
 */
export class PrintImages {
  readonly #assets: ReadonlyMap<string, ImageAsset>;

  constructor(
    assets: readonly ImageAsset[],
    private readonly settings: { readonly ppi: number; readonly quality: number },
  ) {
    this.#assets = new Map(assets.map((asset) => [asset.href, asset]));
  }

  /** Data URLs of smaller pictures, by picture number, for the pictures of a part printed at more than the print resolution. */
  async smaller(images: readonly PrintedImage[]): Promise<Record<string, string>> {
    const pictures: Record<string, string> = {};
    for (const [href, ppi, , across, picture] of images) {
      const asset = this.#assets.get(href);
      if (typeof ppi !== 'number' || picture === null || !asset) continue;
      const width = Math.ceil((across * this.settings.ppi) / 96);
      const sizes = made.get(asset.print) ?? new Map<number, Promise<string | undefined>>();
      made.set(asset.print, sizes);
      let copy = sizes.get(width);
      if (!copy) {
        copy = this.#make(asset, width);
        sizes.set(width, copy);
      }
      const smaller = await copy;
      if (smaller !== undefined) pictures[picture] = smaller;
    }
    return pictures;
  }

  /** A copy `width` pixels across, as a data URL; none where the picture is not more than a pixel wider. */
  async #make(asset: ImageAsset, width: number): Promise<string | undefined> {
    const sharp = await loadSharp();
    const meta = await sharp(asset.print).metadata();
    if (meta.width <= width + 1 || asset.printType === 'image/svg+xml') return undefined;
    const size = { width, height: Math.max(1, Math.round((width * meta.height) / meta.width)) };
    const type = asset.printType === 'image/jpeg' ? 'jpeg' : 'png';
    const bytes = await resizeImage(asset.print, size, type, this.settings.quality, meta.space);
    return `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;
  }
}
