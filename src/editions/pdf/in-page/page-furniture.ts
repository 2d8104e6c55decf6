/**
 * Runs inside the layout page (`page.evaluate`) before the layout, so it must be
 * self-contained: no imports at run time, nothing from the enclosing module.
 *
 * Installs `__galley.pruneFurniture`, which `layOutPages` calls once Paged.js is
 * done: it takes out of every page the parts of Paged.js's page template that draw
 * nothing there. A page is made of some seventy such elements around its text
 * (sixteen margin boxes, each with its content box; bleed areas with printer's
 * marks), and every later restyle of the book (its folios, then printing, which
 * restyles the whole document four times) pays for each of them: on a page of
 * text they outnumber the text's own elements two to one. Taken out:
 * - the content box of a margin box without content (`hasContent` is Paged.js's
 *   mark, set when the page is finished; such a box is hidden);
 * - the margin boxes of a side (left, right) or a corner with no content at all
 *   (the side is a grid of three boxes: where one has content, all stay in place);
 * - printer's marks that are not displayed (a book without `marks`).
 * What is drawn does not change: the same PDF, byte for byte.
 */
export function installPageFurniture(): void {
  const host = window as unknown as { __galley?: { hidden: HTMLElement[]; pruneFurniture?(pages: Element[]): void } };
  host.__galley ??= { hidden: [] };
  host.__galley.pruneFurniture = (pages: Element[]) => {
    const shown = pages.find((sheet) => (sheet as HTMLElement).style.display !== 'none');
    // Marks are drawn on every page or on none (Paged.js sets them for the whole book).
    const undrawn = ['.pagedjs_marks-crop', '.pagedjs_marks-cross'].filter((mark) => {
      const sample = shown?.querySelector(mark);
      return sample !== null && sample !== undefined && getComputedStyle(sample).display === 'none';
    });
    for (const sheet of pages) {
      for (const mark of undrawn) for (const element of sheet.querySelectorAll(mark)) element.remove();
      for (const side of sheet.querySelectorAll('.pagedjs_margin-left, .pagedjs_margin-right')) {
        if (!side.querySelector('.hasContent')) side.replaceChildren();
      }
      for (const corner of sheet.querySelectorAll('[class$="-corner-holder"] > .pagedjs_margin:not(.hasContent)')) corner.remove();
      for (const content of sheet.querySelectorAll('.pagedjs_margin:not(.hasContent) > .pagedjs_margin-content')) content.remove();
    }
  };
}
