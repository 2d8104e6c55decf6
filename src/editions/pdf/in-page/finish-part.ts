/**
 * Runs inside the layout page (`page.evaluate`) after `layOutPages`, so it must
 * be self-contained: no imports at run time, nothing from the enclosing module.
 */

export interface PartFinish {
  /** Pages of the book before this part's first. */
  offset: number;
  /** Pages of the whole book (`counter(pages)`), when known. */
  total: number | undefined;
  /** Running-head strings in effect where the part starts (`string-set` names), for its pages before one is set. */
  strings: Record<string, string>;
  /** The folio of each link target the contents name. */
  pageOf: Record<string, string>;
}

/**
 * Make a laid-out part a run of the book's pages: folios counted from the pages
 * before it, running heads carried over from the part before, the contents' page
 * numbers filled in (and their pages checked again, now that they are drawn).
 */
export function finishPart(finish: PartFinish): void {
  const pages = document.querySelector<HTMLElement>('.pagedjs_pages');
  if (!pages) return;
  if (finish.total !== undefined) pages.style.setProperty('--pagedjs-page-count', String(finish.total));
  pages.style.counterReset = `${getComputedStyle(pages).counterReset} page ${finish.offset}`;
  // Where a book's body starts after its front matter, its pages are counted again from 1.
  const bodyStart = pages.querySelector('[data-body-start]:not([data-split-from])')?.closest<HTMLElement>('.pagedjs_page');
  // (`counter-set` changes the book's page counter; a `counter-reset` on a page would start another.)
  if (bodyStart) bodyStart.style.setProperty('counter-set', 'page 1');
  const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ')}"`;
  for (const [name, value] of Object.entries(finish.strings)) {
    for (const sheet of pages.querySelectorAll<HTMLElement>(':scope > .pagedjs_page')) {
      // Paged.js writes an unset string as an empty CSS string.
      if (!['', '"', '""'].includes(sheet.style.getPropertyValue(`--pagedjs-string-first-${name}`).trim())) break;
      for (const which of ['first', 'last', 'start']) sheet.style.setProperty(`--pagedjs-string-${which}-${name}`, quoted(value));
    }
  }
  const state = (window as unknown as { __galley?: { checkPage?(sheet: Element): void } }).__galley;
  const contents = new Set<Element>();
  for (const link of pages.querySelectorAll<HTMLAnchorElement>('.toc a[href]')) {
    const href = link.getAttribute('href') ?? '';
    const id = decodeURIComponent(href.replace(/^#|^galley-dest:/, ''));
    const page = finish.pageOf[id];
    if (page !== undefined) {
      // Text in the place kept for it (toc-page-slots.ts), so that the PDF's tags hold it.
      const number = link.querySelector(':scope > .toc-page');
      if (number) number.textContent = page;
    }
    const sheet = link.closest('.pagedjs_page');
    if (sheet) contents.add(sheet);
  }
  for (const sheet of contents) state?.checkPage?.(sheet);
}
