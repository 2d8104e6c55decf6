import type { Sharp } from 'sharp';

// libvips writes the decoder's warnings to stderr itself; Galley reports what matters as
// messages and never prints (read by libvips at each warning; a value set by the user stays).
process.env.VIPS_WARNING ??= '0';

type SharpFunction = typeof import('sharp')['default'];
let loaded: Promise<SharpFunction> | undefined;

/**
 * sharp, loaded on first use: loading libvips takes 0.15 s, which a book without
 * raster images need not wait for (Galley loads while the browser starts).
 */
export function loadSharp(): Promise<SharpFunction> {
  loaded ??= import('sharp').then((module) => module.default);
  return loaded;
}

/** The two types Galley writes raster images in. */
export type WrittenType = 'png' | 'jpeg';

/**
 * Encode a picture the way Galley writes every image it changes: fixed settings, so
 * the same input gives the same bytes (JPEG at `quality`, 4:2:0, no mozjpeg; PNG
 * lossless at level 9, no palette), no metadata.
 */
export function encodeImage(image: Sharp, type: WrittenType, quality: number): Sharp {
  return type === 'png'
    ? image.png({ compressionLevel: 9, adaptiveFiltering: false, palette: false })
    : image.jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false });
}

/**
 * A smaller copy of an image Galley has already made ready (upright, sRGB or grey,
 * PNG or JPEG; `space` as sharp's metadata names its colours): exactly `width` ×
 * `height` pixels, in the same type and colours.
 */
export async function resizeImage(
  data: Uint8Array,
  size: { width: number; height: number },
  type: WrittenType,
  quality: number,
  space: string | undefined,
): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const resized = sharp(data)
    .resize({ ...size, fit: 'fill' })
    .toColourspace(space === 'b-w' || space === 'grey16' ? 'b-w' : 'srgb');
  return new Uint8Array(await encodeImage(resized, type, quality).toBuffer());
}
