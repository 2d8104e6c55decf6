/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers Galley's Paged.js handlers:
 * - finished pages leave the layout tree while later ones are made (otherwise
 *   each new page restyles and reflows all earlier ones);
 * - a text break falls exactly where the line broke. Paged.js measures each
 *   letter's bounding box, and Chromium attributes the hyphen drawn at a soft
 *   hyphen to the next letter as well, so Paged.js kept one letter too many on the
 *   page ("milit-" / "ary"); the line no longer fit and a whole line slipped out
 *   of sight into the page's overflow;
 * - a hyphen is added at a break inside a word only at a hyphenation point (a
 *   soft hyphen), never after an emergency break or on an empty text node.
 */
export function installLayoutFixes(): void {
  interface PagedLayout {
    gap?: number;
    settings: { hyphenGlyph?: string };
  }
  const state = ((window as unknown as { __galley?: { hidden: HTMLElement[] } }).__galley ??= { hidden: [] });
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;

  class KeepFinishedPagesOut extends paged.Handler {
    afterPageLayout(pageElement: HTMLElement) {
      const done = pageElement.previousElementSibling?.previousElementSibling;
      if (done instanceof HTMLElement && done.classList.contains('pagedjs_page')) {
        done.style.display = 'none';
        state.hidden.push(done);
      }
    }
  }

  const range = document.createRange();
  /** The box a character is drawn in: the last one that has a width (see above), if any. */
  const box = (text: Text, at: number): DOMRect | undefined => {
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    return rects[rects.length - 1];
  };

  /** Where a break inside a text node really falls, and what it looked like before Paged.js cut it. */
  let lastBreak: { text: Text; offset: number } | undefined;

  class BreakWhereTheLineBroke extends paged.Handler {
    onOverflow(overflow: Range | undefined, _rendered: Element, bounds: DOMRect, layout: PagedLayout) {
      lastBreak = undefined;
      if (!overflow || !(overflow.startContainer instanceof Text)) return overflow;
      const text = overflow.startContainer;
      const end = Math.round(bounds.right + (layout.gap ?? 0));
      const vEnd = Math.round(bounds.bottom);
      const beyond = (rect: DOMRect) => Math.floor(rect.left) >= end || Math.floor(rect.top) >= vEnd;
      // Whether the first drawn character at or after `at` is past the page (false when none is).
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
      // Start the overflow at the first drawn character past the page.
      let offset = lo;
      while (offset < text.length && !box(text, offset)) offset++;
      if (offset >= text.length || offset === overflow.startOffset) {
        lastBreak = { text, offset: overflow.startOffset };
        return overflow;
      }
      const corrected = document.createRange();
      corrected.setStart(text, offset);
      corrected.setEnd(overflow.endContainer, overflow.endOffset);
      lastBreak = { text, offset };
      return corrected;
    }

    afterOverflowRemoved(_removed: DocumentFragment, _rendered: Element, layout: PagedLayout) {
      const cut = lastBreak;
      lastBreak = undefined;
      if (!cut) return;
      const glyph = layout.settings.hyphenGlyph ?? '\u2011';
      const { text, offset } = cut;
      // Paged.js appended its hyphen when the text before the break ends in a letter.
      if (text.data.length !== offset + glyph.length || !text.data.endsWith(glyph)) return;
      text.parentElement?.classList.remove('pagedjs_hyphen');
      if (offset > 0 && text.data[offset - 1] === '\u00ad') {
        // A hyphenation point: the soft hyphen gives way to the hyphen, marked as
        // not being manuscript text (print.css shapes it alone, as Chromium shapes
        // the hyphen it draws at a soft hyphen, so the line is as wide as measured).
        const hyphen = text.splitText(offset);
        text.data = text.data.slice(0, -1);
        const mark = document.createElement('span');
        mark.dataset.galleyHyphen = '';
        hyphen.replaceWith(mark);
        mark.append(hyphen);
      } else text.data = text.data.slice(0, offset);
    }
  }

  paged.registerHandlers(KeepFinishedPagesOut, BreakWhereTheLineBroke);
}
