import type { Book } from '../../model/book.js';
import { warn } from '../../shared/messages.js';
import { blockPlaces } from './block-places.js';
import type { PrintedImage } from './in-page/image-resolution.js';

/** Below this resolution at its printed size, a raster image looks soft in print. */
export const PRINT_RESOLUTION = 200;

/** Warn of each raster image the print edition prints below `PRINT_RESOLUTION`, at its place. */
export function reportLowResolution(book: Book, images: readonly PrintedImage[]): void {
  const places = blockPlaces(book);
  const lowest = new Map<string, PrintedImage>();
  for (const image of images) if (!lowest.has(image[0]) || image[1] < lowest.get(image[0])![1]) lowest.set(image[0], image);
  for (const [href, ppi, block] of [...lowest.values()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (ppi >= PRINT_RESOLUTION) continue;
    const at = (block === null ? undefined : places.get(block)) ?? { file: book.configFile, place: undefined };
    warn(
      at.file,
      'low-resolution',
      `The image \`${href}\` is printed at ${ppi} ppi: below ${PRINT_RESOLUTION} ppi it looks soft on paper; use an image with more pixels or print it smaller (\`{width=…}\`)`,
      at.place,
    );
  }
}
