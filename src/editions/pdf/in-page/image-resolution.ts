/**
 * Runs inside the layout page (`page.evaluate`) after the pages are laid out, so
 * it must be self-contained: no imports at run time, nothing from the enclosing
 * module.
 */

/**
 * An image as printed: its asset (`images/<name>`, or the start of a `data:` URL
 * written in the manuscript), its resolution at its printed size (`null`: the
 * browser could not draw it), and its block.
 */
export type PrintedImage = [href: string, ppi: number | null, block: string | null];

/**
 * The resolution each raster image of the pages is printed at: its pixels over its
 * printed width (CSS pixels are 1/96 inch), the lowest where an image is printed
 * more than once. Vector images (SVG) have none. An image the browser could not
 * decode (a file that starts as an image should and is damaged after) is listed
 * with no resolution: it would print as the browser's broken-image icon.
 */
export async function imageResolutions(): Promise<PrintedImage[]> {
  const lowest = new Map<string, PrintedImage>();
  for (const image of document.querySelectorAll<HTMLImageElement>('.pagedjs_page_content img, .pagedjs_footnote_area img')) {
    const href = image.dataset.galleyImage ?? (image.src.startsWith('data:') ? `${image.src.slice(0, 32)}…` : image.src);
    const block = image.closest<HTMLElement>('[data-block]')?.dataset.block ?? null;
    // (Decoded already: this only asks whether it could be.)
    if (
      !(await image.decode().then(
        () => true,
        () => false,
      ))
    ) {
      lowest.set(href, [href, null, block]);
      continue;
    }
    if (image.dataset.galleyImage === undefined || lowest.get(href)?.[1] === null) continue;
    const width = image.getBoundingClientRect().width;
    if (href.toLowerCase().endsWith('.svg') || image.src.startsWith('data:image/svg') || image.naturalWidth === 0 || width === 0) continue;
    const ppi = Math.round((image.naturalWidth * 96) / width);
    const known = lowest.get(href)?.[1];
    if (known === undefined || (known !== null && ppi < known)) lowest.set(href, [href, ppi, block]);
  }
  return [...lowest.values()];
}
