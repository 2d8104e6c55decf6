/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Registers the Paged.js handler that takes finished pages out of the layout tree
 * while later ones are made (otherwise each new page restyles and reflows all
 * earlier ones); they are listed in `__galley.hidden` and shown again at the end.
 */
export function installFinishedPagesOut(): void {
  const host = window as unknown as { __galley?: { hidden: HTMLElement[] } };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
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
  paged.registerHandlers(KeepFinishedPagesOut);
}
