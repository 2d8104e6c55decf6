/**
 * Runs inside the layout page (`page.evaluate`) after the pages are laid out, so
 * it must be self-contained: no imports at run time, nothing from the enclosing
 * module.
 */

/**
 * A picture as printed: its asset (`images/<name>`, or the start of a `data:` URL
 * written in the manuscript), its resolution at its printed size (`null`: the
 * browser could not draw it), its block, the width in CSS pixels (1/96 inch) its
 * whole picture is printed at (0 where it could not be drawn), and its number
 * (`data-galley-picture`).
 */
export type PrintedImage = [href: string, ppi: number | null, block: string | null, across: number, picture: string | null];

/**
 * Each raster picture of the pages as printed: its pixels over its printed width.
 * One the browser could not decode (a file that starts as an image should and is
 * damaged after) is listed with no resolution: it would print as the browser's
 * broken-image icon. Vector images (SVG) have no resolution and are not listed.
 */
export async function imageResolutions(): Promise<PrintedImage[]> {
  const found: PrintedImage[] = [];
  for (const image of document.querySelectorAll<HTMLImageElement>('.pagedjs_page_content img, .pagedjs_footnote_area img')) {
    const href = image.dataset.galleyImage ?? (image.src.startsWith('data:') ? `${image.src.slice(0, 32)}…` : image.src);
    const block = image.closest<HTMLElement>('[data-block]')?.dataset.block ?? null;
    const picture = image.dataset.galleyPicture ?? null;
    // (Decoded already: this only asks whether it could be.)
    if (
      !(await image.decode().then(
        () => true,
        () => false,
      ))
    ) {
      found.push([href, null, block, 0, picture]);
      continue;
    }
    const box = image.getBoundingClientRect();
    const vector = href.toLowerCase().endsWith('.svg') || image.src.startsWith('data:image/svg');
    if (vector || image.naturalWidth === 0 || image.naturalHeight === 0 || box.width === 0 || box.height === 0) continue;
    // The width the whole picture is printed at, in its content box: scaled to fit inside it
    // (object-fit: contain, print.css's own), to cover it, or stretched (the wider way counts).
    const style = getComputedStyle(image);
    const px = (value: string) => Number.parseFloat(value) || 0;
    const width = box.width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth);
    const height = box.height - px(style.paddingTop) - px(style.paddingBottom) - px(style.borderTopWidth) - px(style.borderBottomWidth);
    const [x, y] = [width / image.naturalWidth, height / image.naturalHeight];
    const fit = style.objectFit;
    const scale = fit === 'contain' ? Math.min(x, y) : fit === 'scale-down' ? Math.min(1, x, y) : fit === 'none' ? 1 : Math.max(x, y);
    if (!(scale > 0)) continue;
    const across = image.naturalWidth * scale;
    found.push([href, Math.round((image.naturalWidth * 96) / across), block, across, picture]);
  }
  return found;
}
