/**
 * Runs inside the layout page (`page.evaluate`) after the pages are laid out, so
 * it must be self-contained: no imports at run time, nothing from the enclosing
 * module.
 */

/** A raster image as printed: its asset (`images/<name>`), its resolution at its printed size, and its block. */
export type PrintedImage = [href: string, ppi: number, block: string | null];

/**
 * The resolution each raster image of the pages is printed at: its pixels over its
 * printed width (CSS pixels are 1/96 inch), the lowest where an image is printed
 * more than once. Vector images (SVG) have none.
 */
export function imageResolutions(): PrintedImage[] {
  const lowest = new Map<string, PrintedImage>();
  for (const image of document.querySelectorAll<HTMLImageElement>('.pagedjs_page_content img[data-galley-image]')) {
    const href = image.dataset.galleyImage!;
    const width = image.getBoundingClientRect().width;
    if (href.toLowerCase().endsWith('.svg') || image.src.startsWith('data:image/svg') || image.naturalWidth === 0 || width === 0) continue;
    const ppi = Math.round((image.naturalWidth * 96) / width);
    const block = image.closest<HTMLElement>('[data-block]')?.dataset.block ?? null;
    const known = lowest.get(href);
    if (!known || ppi < known[1]) lowest.set(href, [href, ppi, block]);
  }
  return [...lowest.values()];
}
