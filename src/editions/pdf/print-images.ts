import type { ImageAsset } from '../../model/book.js';
import { loadSharp, resizeImage } from '../../shared/write-image.js';
import type { PrintedImage } from './in-page/image-resolution.js';

/**
 * The pictures a part of the print edition prints, each at most at the book's
 * print resolution for the size it is printed at. The book's assets hold the
 * pictures for the largest size an image can print (the text area); an image laid
 * out smaller (`{width=50%}`, in a table, the infobox or a note) gets a smaller
 * copy, made once per size however many parts print it.
 */
export class PrintImages {
  readonly #assets: ReadonlyMap<string, ImageAsset>;
  readonly #made = new Map<string, Promise<string | undefined>>();

  constructor(
    assets: readonly ImageAsset[],
    private readonly settings: { readonly ppi: number; readonly quality: number },
  ) {
    this.#assets = new Map(assets.map((asset) => [asset.href, asset]));
  }

  /** Data URLs of smaller pictures, by asset href, for the images of a part printed at more than the print resolution. */
  async smaller(images: readonly PrintedImage[]): Promise<Record<string, string>> {
    const widest = new Map<string, number>();
    for (const [href, ppi, , across] of images) {
      if (typeof ppi === 'number' && this.#assets.has(href)) widest.set(href, Math.max(widest.get(href) ?? 0, across));
    }
    const pictures: Record<string, string> = {};
    for (const [href, across] of [...widest].sort(([a], [b]) => a.localeCompare(b))) {
      const width = Math.ceil((across * this.settings.ppi) / 96);
      const key = `${href}\u0000${width}`;
      let made = this.#made.get(key);
      if (!made) {
        made = this.#make(this.#assets.get(href)!, width);
        this.#made.set(key, made);
      }
      const picture = await made;
      if (picture !== undefined) pictures[href] = picture;
    }
    return pictures;
  }

  /** A copy `width` pixels across, as a data URL; none where the picture is not more than a pixel wider. */
  async #make(asset: ImageAsset, width: number): Promise<string | undefined> {
    const sharp = await loadSharp();
    const meta = await sharp(asset.print).metadata();
    if (meta.width <= width + 1 || asset.mediaType === 'image/svg+xml') return undefined;
    const size = { width, height: Math.max(1, Math.round((width * meta.height) / meta.width)) };
    const type = asset.mediaType === 'image/jpeg' ? 'jpeg' : 'png';
    const bytes = await resizeImage(asset.print, size, type, this.settings.quality);
    return `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`;
  }
}
