/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained.
 *
 * Figures placed at the top or the foot of a page (`{.top}`, `{.bottom}`, or
 * Quarto's `fig-pos="t"`/`"b"`):
 * - on the page where its place in the text falls, such a figure moves to the top of
 *   the page's text (below a chapter's title on its first page) or to its foot; the
 *   page holds the same things, in another order, so nothing else moves (and where
 *   the order changes the page's height after all, the figure stays in its place);
 * - where it does not fit on that page, the text after it fills the page
 *   (`state.deferFloat`, asked by the page breaking in `layout-fixes.ts`), and the
 *   figure goes to the top, or the foot, of the next page, instead of leaving a gap.
 * The layout verifier reads a placed figure's text in an order of its own.
 */
export function installPageFloats(): void {
  interface State {
    hidden: HTMLElement[];
    deferFloat?: (rendered: Element, bounds: DOMRect) => boolean;
  }
  const host = window as unknown as { __galley?: State };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;
  const floats = 'figure.top, figure.bottom';
  const isSection = (element: Element | null): element is HTMLElement =>
    element instanceof HTMLElement && /^(SECTION|ARTICLE|DIV|MAIN)$/.test(element.tagName) && !element.matches(floats);
  /** The floats (by Paged.js's reference) with text of their chapter after them, to fill the room they leave. */
  const followed = new Set<string>();
  /** Figures taken off the page before, for the next one. */
  let deferred: HTMLElement[] = [];
  /** Figures waiting for the page being laid out to render its first element. */
  let waiting: HTMLElement[] = [];

  /** The element the page's text starts with, and what holds it (a chapter's title stays on top). */
  const topOf = (wrapper: Element): [Element, Node | null] => {
    let parent: Element = wrapper;
    while (isSection(parent.firstElementChild)) parent = parent.firstElementChild;
    let first = parent.firstElementChild;
    while (first && (first.matches('h1, header, hgroup, .part-label') || (first.matches('figure.top') && first.parentElement === parent)))
      first = first.nextElementSibling;
    return [parent, first];
  };
  const textBottom = (wrapper: Element) => {
    const range = document.createRange();
    range.selectNodeContents(wrapper);
    return range.getBoundingClientRect().bottom;
  };

  /** Move a figure to the top or the foot of the page's text; back where it was if the page then overflows. */
  const place = (figure: HTMLElement, wrapper: Element, area: DOMRect) => {
    const [home, next] = [figure.parentNode, figure.nextSibling];
    if (figure.classList.contains('top')) {
      const [parent, first] = topOf(wrapper);
      if (first !== figure) parent.insertBefore(figure, first);
      // At the very top of the text area, no room above it.
      if (!figure.previousElementSibling) figure.style.marginTop = '0px';
    } else {
      let parent: Element = wrapper;
      while (isSection(parent.lastElementChild)) parent = parent.lastElementChild;
      if (parent.lastElementChild !== figure) parent.append(figure);
      // Down to the foot of the text area (its own margin below falls outside it).
      const gap = area.bottom - figure.getBoundingClientRect().bottom;
      if (gap > 1) figure.style.marginTop = `${Number.parseFloat(getComputedStyle(figure).marginTop) + gap - 1}px`;
    }
    if (textBottom(wrapper) > area.bottom + 1 && home) {
      figure.style.marginTop = '';
      home.insertBefore(figure, next);
    }
  };

  state.deferFloat = (rendered, bounds) => {
    // (Paged.js checks a page again when it resizes, passing no bounds: nothing moves then.)
    if (!Number.isFinite(bounds?.bottom)) return false;
    for (const figure of rendered.querySelectorAll<HTMLElement>(floats)) {
      const box = figure.getBoundingClientRect();
      // Past the page's foot. (One Chromium moved whole into the next column stays where Paged.js puts
      // it: taking it off the page there laid parts of it out twice.)
      if (box.bottom <= bounds.bottom) continue;
      if (figure.dataset.galleyDeferred !== undefined) continue;
      // A figure taller than the page goes where Paged.js puts it; and only text of its own chapter fills its room
      // (known before layout: the text after it may not be on the page yet).
      if (box.height > bounds.height) return false;
      if (!followed.has(figure.dataset.ref ?? '')) return false;
      // Only a figure laid out whole, something after it on the page: Paged.js is not inside it.
      let after: Element | null = figure;
      while (after && !after.nextElementSibling) after = after.parentElement;
      if (!after?.nextElementSibling || !rendered.contains(after.nextElementSibling)) return false;
      figure.remove();
      figure.dataset.galleyDeferred = '';
      deferred.push(figure);
      return true;
    }
    return false;
  };

  class PageFloats extends paged.Handler {
    afterParsed(parsed: DocumentFragment) {
      for (const figure of parsed.querySelectorAll<HTMLElement>(floats)) {
        const chapter = figure.closest('.chapter');
        let text = false;
        for (let node: Element | null = figure; node && node !== chapter && !text; node = node.parentElement) {
          for (let next = node.nextElementSibling; next && !text; next = next.nextElementSibling) text = (next.textContent ?? '').trim() !== '';
        }
        if (text && figure.dataset.ref) followed.add(figure.dataset.ref);
      }
    }
    onPageLayout() {
      waiting = [...waiting, ...deferred];
      deferred = [];
    }
    renderNode(clone: Node) {
      if (waiting.length === 0 || !(clone instanceof Element)) return;
      const wrapper = clone.closest('.pagedjs_page_content')?.firstElementChild;
      if (!wrapper) return;
      const [parent, first] = topOf(wrapper);
      for (const figure of waiting) parent.insertBefore(figure, first);
      waiting = [];
    }
    afterPageLayout(sheet: HTMLElement) {
      const content = sheet.querySelector('.pagedjs_page_content');
      const wrapper = content?.firstElementChild;
      if (!content || !wrapper) return;
      const figures = Array.from(wrapper.querySelectorAll<HTMLElement>(floats));
      // Measured only where there is a float: measuring forces a layout of the page.
      if (figures.length === 0) return;
      const area = content.getBoundingClientRect();
      for (const figure of figures) place(figure, wrapper, area);
    }
  }

  paged.registerHandlers(PageFloats);
}
