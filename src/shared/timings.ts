import { performance } from 'node:perf_hooks';

/** Named stages of a build: when each started (ms after the build began) and how long it took. */
export type Timings = Array<{ stage: string; at: number; ms: number }>;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Measures stages (the clock is used for measuring only, never in an artifact). */
export class StageTimer {
  readonly timings: Timings = [];
  readonly #origin = performance.now();

  /** Run `work` and record when it started and how long it took under `stage`. */
  async measure<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.timings.push({ stage, at: round(start - this.#origin), ms: round(performance.now() - start) });
    }
  }
}
