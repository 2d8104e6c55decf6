/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers Galley's Paged.js handler of page breaks (and see `hyphens-at-breaks.ts`):
 * - a page breaks exactly where the text stops fitting. Paged.js misses it in two
 *   ways, each losing text into the overflow column Chromium never prints:
 *   it measures letters by their bounding box, and Chromium attributes the hyphen
 *   drawn at a soft hyphen to the next letter too, so it kept one letter too many
 *   ("milit-" / "ary"), the line no longer fit and slipped out of sight; and when a
 *   paragraph moved whole into the next column (orphans), its first letter is at
 *   offset 0, which Paged.js takes for "no break" and keeps the paragraph; and in
 *   a right-to-left book it looks for the next column on the wrong side;
 * - a table row moves to the next page whole where it can, the first body row with
 *   the caption and header rows, and with room left for the table's bottom rule;
 * - a page never ends right before a footnote's call, nor leaves a widow (`page-ends.ts`);
 * - a figure for the top or foot of a page that does not fit goes on (`page-floats.ts`), and
 *   so does a floated picture, with its line (`page-ends.ts`);
 * Where the break falls inside a word it records it as `__galley.lastBreak`.
 */
export function installLayoutFixes(): void {
  type PagedLayout = { gap?: number };
  type State = {
    hidden: HTMLElement[];
    lastBreak?: { text: Text; offset: number } | undefined;
    deferFloat?(rendered: Element, bounds: DOMRect): boolean;
    pageEnd?(rendered: Element, start: Range, helpers: object): Range | undefined;
    floatEnd?(rendered: Element, bottom: number, helpers: object): Range | undefined;
  };
  const host = window as unknown as { __galley?: State };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;
  const range = document.createRange();
  /** The box a character is drawn in: the last one that has a width (see above), if any. */
  const box = (text: Text, at: number): DOMRect | undefined => {
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    return rects[rects.length - 1];
  };

  /** The first character of `rendered` drawn past the page, if any. */
  const firstPast = (rendered: Element, beyond: (rect: DOMRect) => boolean): { text: Text; offset: number } | undefined => {
    const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      if (text.data.trim() === '') continue;
      range.selectNodeContents(text);
      if (!Array.from(range.getClientRects()).some((rect) => rect.width > 0 && beyond(rect))) continue;
      // Whether the first drawn character at or after `at` is past the page.
      const pastAt = (at: number): boolean => {
        for (let i = at; i < text.length; i++) {
          const rect = box(text, i);
          if (rect) return beyond(rect);
        }
        return false;
      };
      // The characters past the page are a suffix of the node: find where it starts.
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pastAt(mid)) hi = mid;
        else lo = mid + 1;
      }
      let offset = lo;
      while (offset < text.length && !box(text, offset)) offset++;
      if (offset < text.length) return { text, offset };
    }
    return undefined;
  };

  /** A range from `start` to the end of `rendered`: what goes on to the next page. */
  const toEnd = (rendered: Element, start: Range) => {
    const range = document.createRange();
    range.setStart(start.startContainer, start.startOffset);
    range.setEndAfter(rendered.lastChild ?? rendered);
    return range;
  };

  /** Nothing but whitespace before `node` inside `parent`. */
  const startsParent = (node: Node) => {
    for (let before = node.previousSibling; before; before = before.previousSibling) {
      if (before.textContent?.trim() !== '' || before instanceof HTMLImageElement) return false;
    }
    return true;
  };

  /** Whether ending the page at `start` leaves something on it (a table's repeated header rows are not). */
  const leavesContent = (rendered: Element, start: Range) => {
    const before = document.createRange();
    before.setStart(rendered, 0);
    before.setEnd(start.startContainer, start.startOffset);
    const kept = before.cloneContents();
    for (const copy of kept.querySelectorAll('[data-galley-repeat]')) copy.remove();
    return kept.textContent?.trim() !== '' || kept.querySelector('img, svg') !== null;
  };

  /**
   * Where the page should end, for text past it at `offset` of `text`: before the
   * block the text starts (so it moves whole and no empty piece of it stays), and
   * before a heading that must stay with it, as far as that leaves something on
   * the page; else at the text itself (a block taller than a page breaks inside).
   */
  const breakBefore = (rendered: Element, text: Text, offset: number): Range => {
    const at = document.createRange();
    at.setStart(text, offset);
    if (offset > 0 && text.data.slice(0, offset).trim() !== '') return at;
    let best = at;
    let node: Node = text;
    for (;;) {
      while (node.parentElement && node.parentElement !== rendered && startsParent(node)) node = node.parentElement;
      if (node instanceof HTMLElement && (node.tagName === 'TD' || node.tagName === 'TH') && node.parentElement) node = node.parentElement;
      const before = document.createRange();
      before.setStartBefore(node);
      if (!leavesContent(rendered, before)) break;
      best = before;
      // Paged.js marks an element that follows one with `break-after: avoid`.
      if (!(node instanceof HTMLElement) || node.dataset.previousBreakAfter !== 'avoid' || !node.previousElementSibling) break;
      node = node.previousElementSibling;
    }
    return best;
  };

  /** The first text of `element` that is not white space. */
  const firstText = (element: Element) =>
    document
      .createTreeWalker(element, NodeFilter.SHOW_TEXT, (node) => ((node as Text).data.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT))
      .nextNode() as Text | null;

  /** The table row a page would start with after a break at `start`, if it starts with one. */
  const rowAt = (start: Range): HTMLTableRowElement | undefined => {
    const { startContainer: container, startOffset: offset } = start;
    const node = container instanceof Text ? container : (container.childNodes[offset] ?? container);
    const row = (node instanceof Element ? node : node.parentElement)?.closest('tr');
    if (!row) return undefined;
    const lead = document.createRange();
    lead.setStart(row, 0);
    lead.setEnd(container, offset);
    return lead.toString().trim() === '' ? row : undefined;
  };

  /**
   * Where a break between table rows leaves the rows before it on the page, the piece of the table
   * ends with its bottom rule, drawn below its last row once the rows after the break are gone: where
   * that row and the rule do not both fit, Chromium moves the row into the overflow column, out of
   * sight. Such a row goes on to the next page too (and with the first body row, the header rows).
   */
  const roomForTheRule = (rendered: Element, start: Range, bottom: number): Range => {
    let result = start;
    for (let moved = 0; moved < 100; moved++) {
      const row = rowAt(result);
      const table = row?.closest('table');
      if (!row || !table) break;
      const rows = Array.from(table.rows);
      const kept = rows[rows.indexOf(row) - 1];
      const rule = Number.parseFloat(getComputedStyle(table).borderBottomWidth) || 0;
      if (!kept || kept.closest('[data-galley-repeat]') || rule === 0 || kept.getBoundingClientRect().bottom + rule <= bottom) break;
      const text = firstText(table.tHead?.contains(kept) || rows.find((r) => !table.tHead?.contains(r)) === kept ? table : kept);
      if (!text) break;
      const before = breakBefore(rendered, text, 0);
      if (!leavesContent(rendered, before)) break;
      result = before;
    }
    return result;
  };

  class BreakWhereTheTextStopsFitting extends paged.Handler {
    onOverflow(overflow: Range | undefined, rendered: Element, bounds: DOMRect, layout: PagedLayout): Range | null | undefined {
      state.lastBreak = undefined;
      // The next column, where what does not fit goes, is to the right of the page's, or to its left
      // in a right-to-left book (Paged.js looks only to the right: such a book ran on past its pages).
      const vEnd = Math.round(bounds.bottom);
      const rtl = getComputedStyle(rendered).direction === 'rtl';
      const end = Math.round(bounds.right + (layout.gap ?? 0));
      const beyond = rtl
        ? (rect: DOMRect) => Math.ceil(rect.right) <= Math.floor(bounds.left) || Math.floor(rect.top) >= vEnd
        : (rect: DOMRect) => Math.floor(rect.left) >= end || Math.floor(rect.top) >= vEnd;
      const floated = state.deferFloat?.(rendered, bounds) === true;
      const first = firstPast(rendered, beyond);
      let result = floated ? undefined : overflow;
      if (first) {
        let start = breakBefore(rendered, first.text, first.offset);
        // A table row moves to the next page whole when it can: a row split across pages is hard
        // to read, and Chromium lays the piece left behind out again taller than measured, its last
        // line off the page. A row taller than a page breaks inside, on the page it starts. The first
        // body row takes the caption and header rows with it if all fit a page (alone they head nothing).
        const row = first.text.parentElement?.closest('td, th')?.parentElement;
        const caption = first.text.parentElement?.closest('caption');
        // The height of an element's pieces (a row run on into the next column has a bounding box as tall as the page).
        const height = (element: Element | null | undefined) =>
          element ? Array.from(element.getClientRects()).reduce((sum, rect) => sum + rect.height, 0) : 0;
        const tall = (element: Element) => height(element) > bounds.height;
        const moveTo = (lead: Element, before = breakBefore(rendered, firstText(lead)!, 0)) => {
          if (leavesContent(rendered, before) && before.compareBoundaryPoints(Range.START_TO_START, start) < 0) start = before;
        };
        if (row instanceof HTMLTableRowElement && rendered.contains(row) && !row.hasAttribute('data-split-from') && !tall(row)) {
          const table = row.closest('table')!;
          const head = table.tHead;
          const original = !table.hasAttribute('data-split-from') && !head?.hasAttribute('data-galley-repeat');
          const firstBody = Array.from(table.rows).find((r) => !head?.contains(r));
          const opening = original && (head?.contains(row) || firstBody === row);
          moveTo(opening && height(table.caption) + height(head) + height(firstBody === row ? null : firstBody) + height(row) <= bounds.height ? table : row);
        } else if (caption && rendered.contains(caption) && !caption.parentElement?.hasAttribute('data-split-from')) moveTo(caption.parentElement!);
        // Paged.js found the break, or one before this text (an image, a block that avoids breaks
        // inside): keep it, unless it would leave the page empty (a block that cannot move on, as it
        // would not fit the next page either, or a heading kept with it at the top of the page).
        const pagedWorks = !floated && overflow !== undefined && leavesContent(rendered, overflow);
        if (!pagedWorks || start.compareBoundaryPoints(Range.START_TO_START, overflow) < 0) result = toEnd(rendered, start);
      }
      // A floated picture that does not fit what is left of the page goes on to the next page (`page-ends.ts`).
      const helpers = { past: beyond, box, firstPast, breakBefore, firstText, leavesContent, toEnd };
      const picture = floated ? undefined : state.floatEnd?.(rendered, bounds.bottom, helpers);
      if (picture && leavesContent(rendered, picture) && (!result || picture.compareBoundaryPoints(Range.START_TO_START, result) < 0)) {
        result = toEnd(rendered, picture);
      }
      if (result) {
        const start = roomForTheRule(rendered, result, bounds.bottom);
        if (start !== result) result = toEnd(rendered, start);
      }
      // A footnote's call stays on the line of its word, and no paragraph's last line goes on alone (`page-ends.ts`).
      if (result) result = state.pageEnd?.(rendered, result, helpers) ?? result;
      if (result?.startContainer instanceof Text) state.lastBreak = { text: result.startContainer, offset: result.startOffset };
      return result ?? (floated ? null : undefined);
    }
  }

  paged.registerHandlers(BreakWhereTheTextStopsFitting);
}
