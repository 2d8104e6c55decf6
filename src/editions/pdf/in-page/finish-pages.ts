/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the handler that finishes each page while its layout is fresh (so
 * no page is laid out again for it):
 * - soft hyphens: where a line broke at one, Chromium draws a hyphen but the text
 *   layer holds U+00AD and a hyphen ("vil\u00ad-lages"); elsewhere they are
 *   invisible but split words for search. Each is measured; the used ones become
 *   hyphens (shaped alone, as wide as the hyphen drawn: print.css), the rest are
 *   dropped (they take no room, and line breaking is greedy; tables that size
 *   their columns to their content get no soft hyphens at all);
 * - the layout verifier's check of the page before: every line of text must be
 *   drawn, and on its sheet (Paged.js moves what does not fit into an overflow
 *   column far off the sheet, which is never printed).
 * - where each element with an id is on the page before (for links and the
 *   contents' page numbers): measured there, its layout being fresh, instead of
 *   laying every page out again at the end to measure them;
 * - progress: each page laid out is reported to `__galleyProgress` (its number
 *   and chapter), when the page has it.
 * Also installs `__galley.checkPage` and `__galley.placeAnchors`, for the pages
 * finished last.
 */
export function installPageFinishing(): void {
  interface Problem {
    kind: 'clipped' | 'hidden';
    block: string | null;
    page: number;
    text: string;
  }
  interface State {
    hidden: HTMLElement[];
    problems: Problem[];
    checkMs: number;
    checkPage(sheet: Element): void;
    /** Element id → its page (from 1) and top left corner on the page, in CSS pixels; the first element with an id wins. */
    anchors: Map<string, [page: number, x: number, y: number]>;
    placeAnchors(sheet: Element): void;
  }
  const host = window as unknown as { __galley?: Partial<State> & { hidden: HTMLElement[] } };
  host.__galley ??= { hidden: [] };
  const state = host.__galley as State;
  state.problems = [];
  state.checkMs = 0;
  state.anchors = new Map();
  const range = document.createRange();
  const pageNumber = (sheet: Element) => Array.prototype.indexOf.call(sheet.parentElement?.children ?? [], sheet) + 1;
  const drawn = (text: Text, at: number) => {
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    return Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
  };

  // A soft hyphen a line broke at is drawn (as a hyphen), and the next letter is on
  // another line. (Inside a ligature such as "f­fi" a soft hyphen gets a share of
  // the ligature's width without any break.)
  const used = (text: Text, at: number) => {
    const hyphen = drawn(text, at).pop();
    if (!hyphen) return false;
    for (let next = at + 1; next < text.length; next++) {
      const letter = drawn(text, next).pop();
      if (letter) return letter.top > hyphen.top + hyphen.height / 2;
    }
    return true;
  };

  const soften = (sheet: Element) => {
    const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
    const softened: Array<{ text: Text; breaks: number[] }> = [];
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      if (!text.data.includes('\u00ad')) continue;
      const breaks: number[] = [];
      for (let i = text.data.indexOf('\u00ad'); i !== -1; i = text.data.indexOf('\u00ad', i + 1)) if (used(text, i)) breaks.push(i);
      softened.push({ text, breaks });
    }
    // Measured all first, changed after: a change would make the next measure lay out again.
    for (const { text, breaks } of softened) {
      for (const at of breaks.reverse()) {
        const rest = text.splitText(at);
        rest.data = rest.data.slice(1).replace(/\u00ad/g, '');
        const hyphen = document.createElement('span');
        hyphen.dataset.galleyHyphen = '';
        hyphen.textContent = '-';
        text.after(hyphen);
      }
      text.data = text.data.replace(/\u00ad/g, '');
    }
  };

  // Text laid out but not seen: invisible, transparent, of no size, or under an
  // element drawn with no opacity or clipped away (a house style's CSS can do each).
  // Each element's answer once per page: `faded` is its own and its ancestors',
  // `unseen` adds what an element's text inherits.
  const fadedElements = new Map<Element, boolean>();
  const unseenElements = new Map<Element, boolean>();
  const faded = (element: Element | null, area: Element): boolean => {
    if (!element || element === area) return false;
    let known = fadedElements.get(element);
    if (known === undefined) {
      const style = getComputedStyle(element);
      known =
        style.opacity === '0' ||
        (style.clipPath !== 'none' && /inset\(\s*(50%|100%)|circle\(\s*0|polygon\(\s*\)/.test(style.clipPath)) ||
        faded(element.parentElement, area);
      fadedElements.set(element, known);
    }
    return known;
  };
  const unseen = (element: Element | null, area: Element): boolean => {
    if (!element) return false;
    let known = unseenElements.get(element);
    if (known === undefined) {
      const style = getComputedStyle(element);
      known =
        style.visibility !== 'visible' || Number.parseFloat(style.fontSize) < 1 || /^(transparent|rgba\(.*,\s*0\))$/.test(style.color) || faded(element, area);
      unseenElements.set(element, known);
    }
    return known;
  };

  const normal = (text: string) =>
    text
      .replace(/\u00ad/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
  state.checkPage = (sheet: Element) => {
    // Bring the layout up to date first: that work is the next page's layout done
    // sooner (Paged.js's next measure would do it), not the check's.
    sheet.getBoundingClientRect();
    const started = performance.now();
    const page = pageNumber(sheet);
    const area = sheet.querySelector('.pagedjs_area');
    fadedElements.clear();
    unseenElements.clear();
    if (area) {
      const bounds = sheet.getBoundingClientRect();
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        // Text for screen readers only (.sr-only) is meant to take no room on the page, nor
        // are white space and the characters that draw nothing alone (a zero-width space, a word joiner,
        // a soft hyphen, direction marks; not the Arabic number signs, which draw).
        if (!/[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/.test(node.data) || node.parentElement?.closest('.sr-only')) continue;
        const owner = node.parentElement?.closest<HTMLElement>('[data-galley-text]');
        const block = owner?.closest<HTMLElement>('[data-block]')?.dataset.block ?? null;
        range.selectNodeContents(node);
        const rects = Array.from(range.getClientRects()).filter((rect) => rect.width >= 0.5 && rect.height >= 0.5);
        // In the page but not drawn (a closed <details>, say): not on the page either.
        // Only the footnotes' back links are hidden in print on purpose, and ruby's
        // fallback parentheses (<rp>) are never drawn where ruby is.
        if ((rects.length === 0 || unseen(node.parentElement, area)) && !node.parentElement?.closest('[data-footnote-backref], rp')) {
          state.problems.push({ kind: 'hidden', block, page, text: excerpt(normal(node.data)) });
        }
        if (
          rects.some((rect) => rect.right > bounds.right + 1 || rect.bottom > bounds.bottom + 1 || rect.left < bounds.left - 1 || rect.top < bounds.top - 1)
        ) {
          state.problems.push({ kind: 'clipped', block, page, text: excerpt(normal(owner?.textContent ?? node.data)) });
        }
      }
    }
    state.checkMs += performance.now() - started;
  };

  state.placeAnchors = (sheet: Element) => {
    const page = pageNumber(sheet);
    const box = sheet.getBoundingClientRect();
    for (const element of sheet.querySelectorAll('.pagedjs_page_content [id]')) {
      // A page laid out again (Paged.js redoes the pages after one that grew) is placed again.
      if ((state.anchors.get(element.id)?.[0] ?? page) < page) continue;
      const rect = element.getBoundingClientRect();
      state.anchors.set(element.id, [page, Math.round((rect.left - box.left) * 100) / 100, Math.round((rect.top - box.top) * 100) / 100]);
    }
  };

  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;
  class FinishPages extends paged.Handler {
    afterPageLayout(sheet: HTMLElement) {
      // The page before was laid out again, with its soft hyphens turned into
      // hyphens, while this one was measured: its layout is final now.
      const before = sheet.previousElementSibling;
      if (before?.classList.contains('pagedjs_page')) {
        state.checkPage(before);
        state.placeAnchors(before);
      }
      soften(sheet);
      // How far the layout got, for progress and for the message if it stops (paginate.ts).
      const report = (window as unknown as { __galleyProgress?: (page: number, chapter: string | null) => void }).__galleyProgress;
      const chapter = sheet.querySelector<HTMLElement>('[data-chapter]')?.dataset.chapter ?? null;
      report?.(pageNumber(sheet), chapter);
    }
  }
  paged.registerHandlers(FinishPages);
}
