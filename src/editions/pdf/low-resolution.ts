import type { Book } from '../../model/book.js';
import { report, warn } from '../../shared/messages.js';
import { blockPlaces } from './block-places.js';
import type { PrintedImage } from './in-page/image-resolution.js';

/** Below this resolution at its printed size, a raster image looks soft in print. */
export const PRINT_RESOLUTION = 200;

/**
 * Warn of each raster image the print edition prints below `PRINT_RESOLUTION`, at
 * each place it is printed so, by the name the author gave it; an image the
 * browser could not draw is an error there (it would print as a broken-image icon).
 */
export function reportLowResolution(book: Book, images: readonly PrintedImage[]): void {
  const places = blockPlaces(book);
  const lowest = new Map<string, PrintedImage>();
  for (const image of images) {
    const key = `${image[0]}\u0000${image[2]}`;
    const known = lowest.get(key)?.[1];
    if (known === undefined || (known !== null && (image[1] === null || image[1] < known))) lowest.set(key, image);
  }
  const sorted = [...lowest.values()].sort((a, b) => a[0].localeCompare(b[0]) || Number(a[2] ?? -1) - Number(b[2] ?? -1));
  for (const [href, ppi, block] of sorted) {
    const at = (block === null ? undefined : places.get(block)) ?? { file: book.configFile, place: undefined };
    const name = at.imageSource ?? href;
    if (ppi === null) {
      report(
        at.file,
        'error',
        'not-an-image',
        `The image \`${name}\` could not be drawn: the browser failed to decode it (the file is damaged or not the image its first bytes say)`,
        at.place,
      );
    } else if (ppi < PRINT_RESOLUTION) {
      warn(
        at.file,
        'low-resolution',
        `The image \`${name}\` is printed at ${ppi} ppi: below ${PRINT_RESOLUTION} ppi it looks soft on paper; use an image with more pixels or print it smaller (\`{width=…}\`)`,
        at.place,
      );
    }
  }
}
