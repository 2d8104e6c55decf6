import { performance } from 'node:perf_hooks';

/** Named stage durations of a build, in milliseconds, in the order they ran. */
export type Timings = Array<{ stage: string; ms: number }>;

/** Measures stages (the clock is used for measuring only, never in an artifact). */
export class StageTimer {
  readonly timings: Timings = [];

  /** Run `work` and record how long it took under `stage`. */
  async measure<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.timings.push({ stage, ms: Math.round((performance.now() - start) * 10) / 10 });
    }
  }
}
