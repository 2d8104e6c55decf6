/** How far a build got, as `build()` reports it to `onProgress`. */
export interface BuildProgress {
  /** The stage under way (`load`, `markdown`, `layout`, `epub`, …). */
  stage: string;
  /** In the layout stage: pages laid out, parts printed of all, and the expected number of pages. */
  layout?: { pages: number; partsDone: number; parts: number; expectedPages?: number | undefined } | undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * One line saying how far the build got: the stage, and in the layout the pages
 * laid out, the parts done and, once it can be told, the time left (from the rate
 * so far and the expected number of pages).
 */
export function describeProgress(progress: BuildProgress, elapsedInStage: number): string {
  const { layout } = progress;
  if (!layout) return `${progress.stage}…`;
  const expected = layout.expectedPages !== undefined && layout.expectedPages >= layout.pages ? ` of about ${count(layout.expectedPages)}` : '';
  const parts = layout.parts > 1 ? `, ${layout.partsDone}/${layout.parts} parts done` : '';
  const left =
    layout.expectedPages !== undefined && layout.pages > 0 && elapsedInStage > 3000
      ? `, about ${duration((elapsedInStage / layout.pages) * Math.max(0, layout.expectedPages - layout.pages))} left`
      : '';
  return `layout: ${count(layout.pages)}${expected} page${layout.pages === 1 && !expected ? '' : 's'}${parts}${left}`;
}

/**
 * Shows a build's progress through `write`: on a terminal one line rewritten in
 * place (at most ten times a second) and cleared at the end; elsewhere (CI logs)
 * one line when a stage starts.
 */
export class ProgressDisplay {
  readonly #write: (text: string) => void;
  readonly #terminal: boolean;
  readonly #columns: () => number;
  #stage = '';
  #stageStart = Date.now();
  #shown = 0;
  #line = false;

  /** `columns` gives the terminal's width: the line is cut to it (a wrapped line could not be rewritten). */
  constructor(write: (text: string) => void, terminal: boolean, columns: () => number = () => 80) {
    this.#write = write;
    this.#terminal = terminal;
    this.#columns = columns;
  }

  update(progress: BuildProgress): void {
    const now = Date.now();
    const newStage = progress.stage !== this.#stage;
    if (newStage) {
      this.#stage = progress.stage;
      this.#stageStart = now;
    }
    if (!this.#terminal) {
      // (Layout progress comes between the stages nested in the layout's.)
      if (newStage && progress.layout === undefined) this.#write(`galley: ${progress.stage}…\n`);
      return;
    }
    if (!newStage && now - this.#shown < 100) return;
    this.#shown = now;
    this.#line = true;
    const line = describeProgress(progress, now - this.#stageStart);
    const width = Math.max(10, this.#columns() - 1);
    this.#write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
  }

  /** Clear the line (before the build's own messages are printed). */
  done(): void {
    if (this.#line) this.#write('\r\x1b[K');
    this.#line = false;
  }
}
