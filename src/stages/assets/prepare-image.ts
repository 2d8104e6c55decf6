import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import type { ImageType } from '../../model/book.js';
import { encodeImage, loadSharp } from '../../shared/write-image.js';
import { gifComplete } from './gif-trailer.js';

/** What each edition may hold of a raster image, from `book.yaml`'s `images`. */
export interface ImageLimits {
  /** The most pixels across and down the PDF gets: the text area at the print resolution. */
  readonly print: { readonly width: number; readonly height: number };
  /** The most pixels the e-book and the HTML edition get, in all. */
  readonly screen: number;
  /** The quality of the JPEGs Galley writes (1–100). */
  readonly quality: number;
}

/** A raster image made ready for the editions. */
export interface PreparedImage {
  /** The type every edition gets: the file's own, or PNG or JPEG for a type not every reader shows. */
  readonly mediaType: Exclude<ImageType, 'image/svg+xml'>;
  /** For the e-book and the HTML edition: within `screen` pixels. */
  readonly screen: Uint8Array;
  /** For the PDF: within the print pixels (the same bytes as `screen` where those fit). */
  readonly print: Uint8Array;
  /** The type of `print`: `mediaType`, but for a GIF larger than the print pixels only (PNG). */
  readonly printType: Exclude<ImageType, 'image/svg+xml'>;
  /** Its size as the file holds it (turned upright), in pixels. */
  readonly width: number;
  readonly height: number;
  /** What it was changed from, when Galley changed its type or colours (for a note): `WebP`, `CMYK`… */
  readonly convertedFrom: string | undefined;
}

/** The file formats read, as sharp names them, with the name a note gives them. */
const readable: Record<string, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', heif: 'AVIF', tiff: 'TIFF' };

/** The images made ready in this process (a watch session builds again and again), by content and limits. */
const made = new Map<string, Promise<PreparedImage | string>>();
const KEPT = 256;

/**
 * Make a raster image ready for every edition with sharp: decoded whole (a damaged
 * file is refused here, not shown broken), turned upright, converted to PNG (where
 * it has transparency) or JPEG where its type is not one every e-reader shows, CMYK
 * to sRGB, and made smaller, never larger, for each edition: the PDF within the
 * print pixels, the others within the screen pixels. Bytes are kept as they are
 * where nothing needs to change; what is written is the same for the same input
 * (fixed encoder settings, no metadata). Returns why the file cannot be used when it
 * cannot.
 */
export function prepareImage(data: Uint8Array, limits: ImageLimits): Promise<PreparedImage | string> {
  const key = createHash('sha256').update(data).update(JSON.stringify(limits)).digest('hex');
  let result = made.get(key);
  if (!result) {
    result = prepare(data, limits);
    made.set(key, result);
    if (made.size > KEPT) made.delete(made.keys().next().value as string);
  }
  return result;
}

async function prepare(data: Uint8Array, limits: ImageLimits): Promise<PreparedImage | string> {
  const sharp = await loadSharp();
  // Read strictly: a file cut short, or whose data the decoder finds corrupt, is refused
  // (it would print black or half grey); only the stray bytes cameras write between the
  // parts of a JPEG, which every reader skips, are let pass (`strictly`).
  const read = (failOn: 'warning' | 'truncated' = 'warning') => sharp(data, { failOn });
  let meta: Metadata;
  try {
    meta = await read().metadata();
  } catch (error) {
    return unreadable(error);
  }
  const format = meta.format === 'heif' && meta.compression !== 'av1' ? 'heic' : meta.format;
  if (format === 'svg') return 'an SVG must start with `<svg` (after its XML declaration, comments and document type)';
  const name = readable[format];
  if (format === 'gif' && !gifComplete(data)) return 'it cannot be read as an image (the GIF is cut short: its blocks stop before its end)';
  if (!name) return `${format.toUpperCase()} is not a format Galley reads (PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG)`;
  // (Decoded whole where it is kept as it is, at full size: a JPEG shrunk on load skips most of its data;
  // every frame of an animation.)
  const decodes = () =>
    strictly((failOn) =>
      sharp(data, { failOn, pages: format === 'gif' ? -1 : 1 })
        .resize({ width: 8, fastShrinkOnLoad: false })
        .raw()
        .toBuffer(),
    );
  const turned = (meta.orientation ?? 1) !== 1;
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const type = format === 'png' || format === 'jpeg' ? format : format === 'gif' || meta.hasAlpha ? 'png' : 'jpeg';
  const screenScale = Math.min(1, Math.sqrt(limits.screen / (width * height)));
  const printScale = Math.min(1, limits.print.width / width, limits.print.height / height);
  // A GIF is kept as it is (an animation too) for each edition whose limits it is within;
  // otherwise it is a smaller PNG of its first frame.
  const gif = format === 'gif' ? { screen: screenScale === 1, print: printScale === 1 } : undefined;
  const animation = (meta.pages ?? 1) > 1 ? ' (its first frame: an animation is not kept)' : '';
  const convertedFrom = gif
    ? gif.screen
      ? undefined
      : `${name}${animation}`
    : type !== format
      ? `${name}${animation}`
      : meta.space === 'cmyk'
        ? 'CMYK'
        : undefined;
  // Bytes as the file has them where the type, colours, size and the way up may stay.
  const same = !gif && convertedFrom === undefined && !turned;
  // (Grey stays grey; a GIF made a PNG keeps an alpha channel only where it has transparency.)
  const space = meta.space === 'b-w' || meta.space === 'grey16' ? 'b-w' : 'srgb';
  const opaque =
    gif &&
    !(gif.screen && gif.print) &&
    (await read('truncated')
      .stats()
      .then(
        (stats) => stats.isOpaque,
        () => false,
      ));
  const encode = async (scale: number) => {
    if (same && scale === 1) return data;
    // (Rounded down: within the limits, never a pixel over.)
    const size = { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
    const image = (failOn: 'warning' | 'truncated') =>
      read(failOn)
        .rotate()
        .resize({ ...size, fit: 'fill' })
        .toColourspace(space);
    const flat = (failOn: 'warning' | 'truncated') => (opaque ? image(failOn).removeAlpha() : image(failOn));
    return new Uint8Array(await strictly((failOn) => encodeImage(flat(failOn), type, limits.quality).toBuffer()));
  };
  const mediaType = type === 'png' ? 'image/png' : 'image/jpeg';
  try {
    // (Otherwise writing it decodes it.)
    if ((same && screenScale === 1 && printScale === 1) || gif) await decodes();
    // (Both at once: libvips decodes a JPEG on one core.)
    const [screen, print] = await Promise.all([
      gif?.screen ? data : encode(screenScale),
      gif?.print ? data : printScale === screenScale && !gif ? undefined : encode(printScale),
    ]);
    return {
      mediaType: gif?.screen ? 'image/gif' : mediaType,
      printType: gif?.print ? 'image/gif' : mediaType,
      screen,
      print: print ?? screen,
      width,
      height,
      convertedFrom,
    };
  } catch (error) {
    return unreadable(error);
  }
}

/** Run a decode that fails on the decoder's warnings, again leniently where the only one is stray bytes between a JPEG's parts. */
async function strictly<T>(run: (failOn: 'warning' | 'truncated') => Promise<T>): Promise<T> {
  try {
    return await run('warning');
  } catch (error) {
    if (/extraneous bytes before marker/i.test(String((error as Error).message))) return run('truncated');
    throw error;
  }
}

/** Why a file cannot be used, in sharp's (libvips') words. */
function unreadable(error: unknown): string {
  if (/exceeds pixel limit/i.test(String((error as Error).message)))
    return 'it has more than 268 million pixels, the most Galley reads (make it smaller: no edition needs that many)';
  const why = String(error instanceof Error ? error.message : error)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '');
  return `it cannot be read as an image (${why})`;
}
