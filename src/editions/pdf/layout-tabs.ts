import type { BrowserContext, Page } from 'puppeteer-core';
import type { BrowserSession } from './browser.js';
import { type Deadline, settleWithin } from './deadline.js';

/** Parts a layout tab lays out before it is closed: the memory a renderer keeps from part to part stays bounded. */
export const TAB_USES = 2;

/** How long closing a context may take before the build goes on without waiting. */
const CLOSE_WAIT = 5_000;

/**
 * The tabs the parts after the first are laid out in, each in a browser context of
 * its own: one per part laid out at once, each used for `TAB_USES` parts (a new
 * context per part costs a new renderer process, with Paged.js and the fonts loaded
 * and compiled again; one for every part keeps every part's garbage). When the tabs
 * open cannot lay out every part still to come, the next one is opened ahead, while
 * the others lay out (opening one took half a second between two parts, with both
 * cores busy). Every context it opened is closed by `close()`, one that opened only
 * after the deadline gave up waiting for it included.
 */
export class LayoutTabs {
  readonly #contexts = new Set<BrowserContext>();
  readonly #idle: Page[] = [];
  readonly #uses = new Map<Page, number>();
  /** Parts still to be laid out in a tab (calls of `take` to come). */
  #left: number;
  /** Parts the tabs open (or opening) can still lay out. */
  #capacity = 0;
  #spare: Promise<Page> | undefined;
  #closed = false;

  /** For `parts` parts (as many calls of `take`). */
  constructor(
    private readonly browser: Pick<BrowserSession['browser'], 'createBrowserContext'>,
    private readonly deadline: Deadline,
    parts: number,
  ) {
    this.#left = parts;
  }

  async take(): Promise<Page> {
    this.#left--;
    const idle = this.#idle.pop();
    const spare = this.#spare;
    if (!idle) this.#spare = undefined;
    const taking = idle ? Promise.resolve(idle) : (spare ?? this.#open());
    this.#capacity--;
    if (!this.#spare && this.#left > this.#capacity) {
      this.#spare = this.#open();
      // (Awaited by the `take` that gets it; a failure before that is that call's.)
      this.#spare.catch(() => undefined);
    }
    return this.deadline.run(taking, 'Opening a layout tab');
  }

  #open(): Promise<Page> {
    this.#capacity += TAB_USES;
    return this.browser.createBrowserContext().then((context) => {
      if (this.#closed) {
        void settleWithin(context.close(), CLOSE_WAIT);
        throw new Error('The layout tabs were closed');
      }
      this.#contexts.add(context);
      return context.newPage();
    });
  }

  give(page: Page): void {
    const uses = (this.#uses.get(page) ?? 0) + 1;
    this.#uses.set(page, uses);
    if (uses < TAB_USES) {
      this.#idle.push(page);
      return;
    }
    const context = page.browserContext();
    this.#contexts.delete(context);
    void settleWithin(context.close(), CLOSE_WAIT);
  }

  /** Close every context (one still opening is closed as soon as it opens). */
  async close(): Promise<void> {
    this.#closed = true;
    const contexts = [...this.#contexts];
    this.#contexts.clear();
    await Promise.all(contexts.map((context) => settleWithin(context.close(), CLOSE_WAIT)));
  }
}
