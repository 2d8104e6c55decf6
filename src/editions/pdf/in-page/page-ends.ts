/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before it lays
 * anything out, so it must be self-contained: no imports at run time.
 *
 * Where a page that ends inside a paragraph may end (`state.pageEnd`, asked by
 * `layout-fixes.ts` with its own helpers, once it has found the break):
 * - a footnote's call stays on the line of the word it follows: where the page would end
 *   right before a call, the call's whole line goes on to the next page;
 * - a floated picture that does not fit what is left of the page goes on, with its line
 *   (`state.floatEnd`);
 * - no paragraph's last line alone at the top of the next page (a widow: where a note that
 *   does not fit takes its call's line on, or a page's foot shrinks for its notes): the line
 *   before goes with it, or the whole paragraph where only one line of it would stay behind.
 */
export function installPageEnds(): void {
  interface Place {
    text: Text;
    offset: number;
  }
  interface Helpers {
    /** Whether a character's box is past the page (below it, or in the next column). */
    past(rect: DOMRect): boolean;
    box(text: Text, at: number): DOMRect | undefined;
    firstPast(rendered: Element, beyond: (rect: DOMRect) => boolean): Place | undefined;
    breakBefore(rendered: Element, text: Text, offset: number): Range;
    firstText(element: Element): Text | null;
    leavesContent(rendered: Element, start: Range): boolean;
    toEnd(rendered: Element, start: Range): Range;
  }
  type State = {
    hidden: HTMLElement[];
    pageEnd?(rendered: Element, start: Range, helpers: Helpers): Range | undefined;
    floatEnd?(rendered: Element, bottom: number, helpers: Helpers): Range | undefined;
  };
  const host = window as unknown as { __galley?: State };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;

  /** The text of a footnote call the page would start with, after a break at `start`. */
  const callAt = (rendered: Element, { startContainer: container, startOffset: offset }: Range): Text | undefined => {
    if (container instanceof Text && container.data.slice(offset).trim() !== '') return undefined;
    const after = container instanceof Text ? undefined : container.childNodes[offset];
    const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
    walker.currentNode = after ?? container;
    let text = after instanceof Text ? after : (walker.nextNode() as Text | null);
    // (A break after an element's last child: what follows the element.)
    while (text && (text.data.trim() === '' || (!after && container.contains(text)))) text = walker.nextNode() as Text | null;
    return text?.parentElement?.closest('[data-footnote-ref]') ? text : undefined;
  };

  /** The nearest character drawn before (or from) `offset` of `text` within `root`: its text node and box. */
  const drawn = (h: Helpers, root: Element, text: Text, offset: number, forward: boolean): { text: Text; top: number } | undefined => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    walker.currentNode = text;
    for (let node: Text | null = text, first = true; node; node = (forward ? walker.nextNode() : walker.previousNode()) as Text | null, first = false) {
      const from = first ? (forward ? offset : offset - 1) : forward ? 0 : node.length - 1;
      for (let i = from; forward ? i < node.length : i >= 0; i += forward ? 1 : -1) {
        const rect = h.box(node, i);
        if (rect) return { text: node, top: rect.top };
      }
    }
    return undefined;
  };

  const onLine = (h: Helpers, top: number) => (rect: DOMRect) => h.past(rect) || Math.floor(rect.top) >= Math.floor(top) - 2;

  /** Where the page should end instead of at `at` so that the paragraph's last line does not go on alone. */
  const noWidow = (h: Helpers, rendered: Element, at: Range): Range | undefined => {
    const { startContainer: text, startOffset: offset } = at;
    const block = text instanceof Text ? text.parentElement?.closest('p, li, dd') : undefined;
    if (!(text instanceof Text) || !block) return undefined;
    // What goes on is one line: the first character that goes on and the paragraph's last are on one line.
    const next = drawn(h, block, text, offset, true);
    const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let lastText: Text | undefined;
    // (Its own text: not that of a note floated from it to the page's foot, nor a call's raised number.)
    while (texts.nextNode()) if (!texts.currentNode.parentElement?.closest('.galley-footnote, [data-footnote-ref]')) lastText = texts.currentNode as Text;
    const last = lastText ? drawn(h, block, lastText, lastText.length, false) : undefined;
    if (!next || !last || Math.abs(next.top - last.top) >= 3) return undefined;
    const above = drawn(h, block, text, offset, false);
    if (!above) return undefined;
    const previous = h.firstPast(rendered, onLine(h, above.top));
    const twoUp = previous ? drawn(h, block, previous.text, previous.offset, false) : undefined;
    const first = h.firstText(block);
    const firstTop = first ? drawn(h, block, first, 0, true)?.top : undefined;
    // The line before goes too if two stay behind; else the whole paragraph.
    if (previous && twoUp && firstTop !== undefined && firstTop < twoUp.top - 2) return h.breakBefore(rendered, previous.text, previous.offset);
    return first ? h.breakBefore(rendered, first, 0) : undefined;
  };

  // A floated picture that does not fit what is left of the page (Paged.js skips floats: it stayed in
  // the column past the page, printed nowhere) goes on to the next page with the line it stands on
  // (a break before it alone left that line's start stretched) and what follows.
  state.floatEnd = (rendered, bottom, h) => {
    const float = Array.from(rendered.querySelectorAll('img')).find((image) => {
      const at = image.getBoundingClientRect();
      return (h.past(at) || at.bottom > bottom + 1) && getComputedStyle(image).float !== 'none';
    });
    if (!float) return undefined;
    const block = float.parentElement?.closest('p, li, dd, dt, td, th, figcaption');
    const walker = document.createTreeWalker(block ?? rendered, NodeFilter.SHOW_TEXT);
    walker.currentNode = float;
    const text = walker.previousNode() as Text | null;
    const before = text ? drawn(h, block ?? rendered, text, text.length, false) : undefined;
    // (The line's first letter in the picture's own block: a letter of another, placed by the float, is not its line's.)
    const line = before ? h.firstPast(block ?? rendered, onLine(h, before.top)) : undefined;
    if (line) return h.breakBefore(rendered, line.text, line.offset);
    // The picture opens its block (a tester's find: the text after it went on, the picture stayed, lost): the block goes on whole.
    const range = document.createRange();
    range.setStartBefore(block ?? float);
    return range;
  };

  state.pageEnd = (rendered, start, h) => {
    let at = start;
    const call = callAt(rendered, at);
    const before = call ? drawn(h, rendered, call, 0, false) : undefined;
    const line = before ? h.firstPast(rendered, onLine(h, before.top)) : undefined;
    if (line) at = h.breakBefore(rendered, line.text, line.offset);
    at = noWidow(h, rendered, at) ?? at;
    return at !== start && h.leavesContent(rendered, at) ? h.toEnd(rendered, at) : undefined;
  };
}
