/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the Paged.js handler that makes a page's break token (where the next
 * page goes on in the source) name the text the page's overflow starts in. Paged.js
 * finds that source text by its content (`indexOfTextNode`: the element's first text
 * node that contains the laid-out one), so where the overflow started in a short
 * text that also occurs earlier in its element (a space between two links, a word
 * between two emphases), the next page went on from the earlier one, and the lines
 * between were printed on both pages (pagedjs#208). The handler remembers the source
 * of every text node laid out (and how far into it the piece starts), and gives the
 * break token from that. Other handlers that copy source text onto a page
 * (`spaces-between.ts`) record their copies in `__galley.sourceOf`.
 */
export function installBreakTokens(): void {
  interface Token {
    node: Node | null | undefined;
    offset: number;
  }
  type Source = { text: Text; from: number };
  const host = window as unknown as { __galley?: { hidden: HTMLElement[]; sourceOf?: WeakMap<Text, Source> } };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
  state.sourceOf ??= new WeakMap<Text, Source>();
  const sourceOf = state.sourceOf;
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;

  /** Record the text nodes of a copy (a whole element, or one text node) against the source's. */
  const record = (clone: Node, source: Node) => {
    if (clone instanceof Text && source instanceof Text) {
      // (A piece that goes on from a break is the end of its source.)
      sourceOf.set(clone, { text: source, from: source.data.length - clone.data.length });
      return;
    }
    if (!(clone instanceof Element) || !(source instanceof Element) || clone.childNodes.length !== source.childNodes.length) return;
    for (let i = 0; i < clone.childNodes.length; i++) record(clone.childNodes[i]!, source.childNodes[i]!);
  };

  /** The source place of a laid-out place: a text node and offset, or (the start of) the laid-out text after it. */
  const sourcePlace = (container: Node, offset: number): Source | undefined => {
    if (container instanceof Text) {
      const source = sourceOf.get(container);
      return source && { text: source.text, from: source.from + offset };
    }
    const next = container.childNodes[offset];
    if (!next) return undefined;
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_TEXT);
    const first = next instanceof Text ? next : (walker.nextNode() as Text | null);
    return first ? sourcePlace(first, 0) : undefined;
  };

  class BreakTokens extends paged.Handler {
    renderNode(clone: Node, source: Node) {
      record(clone, source);
    }

    onBreakToken(token: Token | undefined, overflow: Range | undefined) {
      if (!token?.node || !overflow) return undefined;
      // Only where the overflow starts in text (Paged.js finds an element by its `data-ref`).
      const { startContainer: container, startOffset: offset } = overflow;
      if (!(container instanceof Text || container.childNodes[offset] instanceof Text)) return undefined;
      const place = sourcePlace(container, offset);
      if (!place || (token.node === place.text && token.offset === place.from)) return undefined;
      // (Paged.js names an element whose text the page goes on with from its start: the same place.)
      if (place.from === 0 && token.offset === 0 && document.createTreeWalker(token.node, NodeFilter.SHOW_TEXT).nextNode() === place.text) return undefined;
      const Token = token.constructor as new (node: Node, offset: number) => Token;
      return new Token(place.text, place.from);
    }
  }

  paged.registerHandlers(BreakTokens);
}
