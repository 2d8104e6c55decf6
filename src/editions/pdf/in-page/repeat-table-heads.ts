/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the Paged.js handler that repeats a table's header rows on every page
 * the table runs on to (Paged.js starts the table's piece on the next page with
 * its body rows only), unless they take more than a third of the page. The copy goes in as the page's first node of the table is
 * placed, so Paged.js measures the page with it. It is marked
 * `data-galley-repeat`: it is not the manuscript's text (the layout verifier and
 * the e-book's page list skip it), carries no ids, no links, and none of Paged.js's
 * `data-ref`s (Paged.js finds where to put each next node by them).
 */
export function installTableHeadRepeats(): void {
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;

  /** A copy of `head` that is not the manuscript's: no ids, refs or text numbers. */
  const repeat = (head: HTMLTableSectionElement) => {
    const copy = head.cloneNode(true) as HTMLTableSectionElement;
    for (const element of [copy, ...Array.from(copy.querySelectorAll<HTMLElement>('*'))]) {
      for (const name of ['id', 'data-ref', 'data-split-from', 'data-split-to', 'data-galley-text', 'data-block']) element.removeAttribute(name);
    }
    // Links in the copy lead nowhere: Chromium would tag a link's text and give it an
    // annotation even in rows hidden from the tags (the copy is page furniture, an
    // artifact); the manuscript's own rows keep the link. (print.css styles the address.)
    for (const link of Array.from(copy.querySelectorAll('a[href]'))) {
      link.setAttribute('data-galley-href', link.getAttribute('href') ?? '');
      link.removeAttribute('href');
    }
    copy.dataset.galleyRepeat = '';
    copy.setAttribute('aria-hidden', 'true');
    return copy;
  };

  class RepeatTableHeads extends paged.Handler {
    renderNode(clone: Node, source: Node) {
      // The piece of a table Paged.js starts a page with is a shallow copy of the
      // table (`data-split-from`) holding only what comes after the break.
      const table = (clone instanceof Element ? clone : clone.parentElement)?.closest('table');
      if (!table?.hasAttribute('data-split-from') || table.tHead || table.hasAttribute('data-galley-no-repeat') || table.closest('.galley-footnote')) return;
      const head = (source instanceof Element ? source : source.parentElement)?.closest('table')?.tHead;
      // (A break inside the head itself: the head is what the page starts with. A row
      // that goes on from the page before, taller than a page: above it, the header
      // rows would push it whole on to the next page, and the page would hold them alone.)
      if (!head || head.contains(source)) return;
      if ((clone instanceof Element ? clone : clone.parentElement)?.closest('tr')?.hasAttribute('data-split-from')) {
        table.dataset.galleyNoRepeat = '';
        return;
      }
      const copy = repeat(head);
      const after = Array.from(table.children).find((child) => child.tagName !== 'CAPTION' && child.tagName !== 'COLGROUP');
      table.insertBefore(copy, after ?? null);
      // Header rows taller than a third of the page are not repeated: they would
      // leave little room for the rows they head (and one taller than the page
      // would have to break, but a copy is not the manuscript's text).
      const area = table.closest('.pagedjs_page_content');
      if (area && copy.getBoundingClientRect().height > area.getBoundingClientRect().height / 3) copy.remove();
    }
  }
  paged.registerHandlers(RepeatTableHeads);
}
