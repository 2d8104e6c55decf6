/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the Paged.js handler that finishes a page break inside a word (found
 * by `layout-fixes.ts`, recorded as `__galley.lastBreak`): a hyphen goes at the end
 * of the page only at a hyphenation point (a soft hyphen), never after an emergency
 * break or on an empty text node, as Paged.js would add it.
 */
export function installHyphensAtBreaks(): void {
  interface PagedLayout {
    settings: { hyphenGlyph?: string };
  }
  const host = window as unknown as { __galley?: { hidden: HTMLElement[]; lastBreak?: { text: Text; offset: number } | undefined } };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;

  class HyphensAtBreaks extends paged.Handler {
    afterOverflowRemoved(_removed: DocumentFragment, _rendered: Element, layout: PagedLayout) {
      const cut = state.lastBreak;
      state.lastBreak = undefined;
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

  paged.registerHandlers(HyphensAtBreaks);
}
