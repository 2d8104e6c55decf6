/**
 * Runs inside the layout page (`page.evaluate`) once Paged.js is loaded and before
 * it lays anything out, so it must be self-contained: no imports at run time,
 * nothing from the enclosing module.
 *
 * Paged.js's base styles give the continuation of a split element a
 * ::first-letter rule (to undo drop caps). Its mere presence splits the first
 * letter into a box of its own, and Chromium's PDF then loses the text of a
 * ligature across it: "first" at the top of a page read "frst". No style of
 * Galley's uses ::first-letter, so the rule goes, unless a house style does (a
 * drop cap): then it stays, for the continuation on the next page not to get one.
 */
export function installNoFirstLetterBoxes(): void {
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  if (!paged) return;
  // The book's own sheets, before Paged.js adds its base sheet (the one with the rule).
  if (Array.from(document.querySelectorAll('style')).some((style) => /first-letter/i.test(style.textContent ?? ''))) return;
  class NoFirstLetterBoxes extends paged.Handler {
    constructor(chunker: unknown, polisher: { base?: HTMLStyleElement }, caller: unknown) {
      super(chunker as never, polisher as never, caller as never);
      const sheet = polisher.base?.sheet;
      if (!sheet) return;
      for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
        const rule = sheet.cssRules[i];
        if (rule instanceof CSSStyleRule && rule.selectorText.includes('first-letter')) sheet.deleteRule(i);
      }
    }
  }
  paged.registerHandlers(NoFirstLetterBoxes);
}
