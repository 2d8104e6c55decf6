export interface DeadlineOptions {
  /** Milliseconds everything run under the deadline may take together. */
  total: number;
  /** Milliseconds without progress after which the work counts as stuck (default: the total). */
  stall?: number | undefined;
  signal?: AbortSignal | undefined;
  /** What the messages call the work (default: what each `run` names). */
  label?: string | undefined;
}

/**
 * One time limit for a whole stage, however many browser calls it makes: each
 * call is raced against what is left of it, against the time since the last
 * progress, and against the abort signal. The error says where the work was.
 */
export class Deadline {
  readonly #end: number;
  readonly #stall: number;
  readonly #total: number;
  readonly signal: AbortSignal | undefined;
  readonly #label: string | undefined;
  #last = Date.now();
  #where: string | (() => string) | undefined;
  /** Rejects when the signal aborts: one listener on the signal, however many calls wait at once. */
  readonly #aborted: Promise<never>;

  constructor(options: DeadlineOptions) {
    this.#total = options.total;
    this.#end = Date.now() + options.total;
    this.#stall = options.stall ?? options.total;
    this.signal = options.signal;
    this.#label = options.label;
    const { signal } = options;
    this.#aborted = new Promise<never>((_resolve, reject) => {
      const onAbort = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    this.#aborted.catch(() => undefined); // raced by every run; not an unhandled rejection when none waits
  }

  /** The work moved on; `where` says to where (for the message if it stops; a function is asked then). */
  progress(where?: string | (() => string)): void {
    this.#last = Date.now();
    if (where !== undefined) this.#where = where;
  }

  async run<T>(work: Promise<T>, named: string): Promise<T> {
    const what = this.#label ?? named;
    let timer: NodeJS.Timeout | undefined;
    const limits = new Promise<never>((_resolve, reject) => {
      const check = () => {
        const now = Date.now();
        const where = typeof this.#where === 'function' ? this.#where() : this.#where;
        const at = where ? `; it had got to ${where}` : '';
        if (now >= this.#end) reject(new Error(`${what} did not finish within ${Math.round(this.#total / 1000)} s (raise it with --timeout)${at}`));
        else if (now - this.#last >= this.#stall) reject(new Error(`${what} stopped: nothing moved on for ${Math.round(this.#stall / 1000)} s${at}`));
        else timer = setTimeout(check, Math.min(this.#end, this.#last + this.#stall) - now + 5);
      };
      check();
    });
    try {
      return await Promise.race([work, limits, this.#aborted]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Wait for `work` to settle, but no longer than `ms` (clean-up that must not hang a failed build). */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
