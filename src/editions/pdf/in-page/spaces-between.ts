/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the Paged.js handler that keeps the spaces between inline elements on
 * a page that goes on with a paragraph: there Paged.js lays the paragraph's
 * children out one by one, and after an element it copies whole (an `em`, a
 * `code`, a link) it goes on from the next node that is not white space only
 * (`nodeAfter`), so the space between two such elements was lost on the page
 * ("alphabeta" for `*alpha* *beta*`: pagedjs#285). The white space it skips is
 * put back after the copy.
 */
export function installSpacesBetween(): void {
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;
  // The elements Paged.js copies whole, with what they hold (its `isContainer` is false for them).
  const whole = new Set(
    'A ABBR ACRONYM B BDO BIG BR BUTTON CITE CODE DFN EM I IMG INPUT KBD LABEL MAP OBJECT Q SAMP SCRIPT SELECT SMALL SPAN STRONG SUB SUP TEXTAREA TIME TT VAR P H1 H2 H3 H4 H5 H6 FIGCAPTION BLOCKQUOTE PRE LI TD DT DD VIDEO CANVAS'.split(
      ' ',
    ),
  );
  const sourceOf = (window as unknown as { __galley?: { sourceOf?: WeakMap<Text, { text: Text; from: number }> } }).__galley?.sourceOf;
  const blank = (node: Node) => node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && !/[^\t\n\r ]/.test(node.textContent ?? ''));

  class SpacesBetween extends paged.Handler {
    renderNode(clone: Node, source: Node) {
      if (!(source instanceof HTMLElement) || !(clone instanceof Element) || !clone.parentNode) return;
      if (!whole.has(source.tagName) && source.style.display !== 'none') return;
      // Only where Paged.js skips: white space before a sibling that is not (a comment or white space after it stays out).
      const skipped: Node[] = [];
      let sibling = source.nextSibling;
      for (; sibling && blank(sibling); sibling = sibling.nextSibling) if (sibling.nodeType === Node.TEXT_NODE) skipped.push(sibling);
      if (!sibling || skipped.length === 0) return;
      const copies = skipped.map((node) => node.cloneNode() as Text);
      // (So that a page that ends at one goes on from its source: `break-tokens.ts`.)
      copies.forEach((copy, i) => {
        sourceOf?.set(copy, { text: skipped[i] as Text, from: 0 });
      });
      clone.after(...copies);
    }
  }
  paged.registerHandlers(SpacesBetween);
}
