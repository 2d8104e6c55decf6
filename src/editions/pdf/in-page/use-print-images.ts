/**
 * Runs inside the layout page (`page.evaluate`) after the pages are laid out, so
 * it must be self-contained: no imports at run time, nothing from the enclosing
 * module.
 */

/**
 * Put smaller pictures in the laid-out pages: each picture whose number
 * (`data-galley-picture`) has one in `pictures` (a data URL) gets it, its box first
 * held at the size it was laid out at (a picture of other pixels must not move a
 * line). Resolves once every new picture is decoded, ready to print.
 */
export async function usePrintImages(pictures: Record<string, string>): Promise<void> {
  const decoded: Array<Promise<void>> = [];
  for (const image of document.querySelectorAll<HTMLImageElement>('.pagedjs_page img[data-galley-picture]')) {
    const picture = pictures[image.dataset.galleyPicture ?? ''];
    if (picture === undefined) continue;
    const style = getComputedStyle(image);
    image.style.setProperty('width', style.width, 'important');
    image.style.setProperty('height', style.height, 'important');
    image.src = picture;
    decoded.push(image.decode());
  }
  await Promise.all(decoded);
}
