import { performance } from 'node:perf_hooks';

/** Named stages of a build: when each started (ms after the build began) and how long it took. */
export type Timings = Array<{ stage: string; at: number; ms: number }>;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Measures stages (the clock is used for measuring only, never in an artifact). */
export class StageTimer {
  readonly timings: Timings = [];
  readonly #origin = performance.now();
  readonly #onStart: ((stage: string) => void) | undefined;

  /** `onStart` hears of each stage `measure` starts (for progress displays). */
  constructor(onStart?: (stage: string) => void) {
    this.#onStart = onStart;
  }

  /** Record a stage measured elsewhere (in the browser, say), as ending now. */
  record(stage: string, ms: number): void {
    const now = performance.now();
    this.timings.push({ stage, at: round(now - ms - this.#origin), ms: round(ms) });
  }

  /** Run `work` and record when it started and how long it took under `stage`. */
  async measure<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    this.#onStart?.(stage);
    try {
      return await work();
    } finally {
      this.timings.push({ stage, at: round(start - this.#origin), ms: round(performance.now() - start) });
    }
  }
}
