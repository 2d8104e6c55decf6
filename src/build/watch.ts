import { watch as watchFiles, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assetPath } from '../shared/package-files.js';
import { TEMP_PREFIX } from '../shared/write-atomic.js';
import { type BuildOptionsInput, type Format, parseBuildOptions } from './build-options.js';
import { createBuilder, type BuildResult } from './build.js';

export type WatchEvent =
  | { type: 'built'; result: BuildResult; formats: Format[]; changed: string[]; ms: number }
  | { type: 'failed'; error: unknown; changed: string[]; ms: number };

export interface Watcher {
  /** Resolves after the first build (successful or not). */
  ready: Promise<void>;
  /** Stop watching and close the browser. */
  close(): Promise<void>;
}

/** Which editions a changed file affects. Galley's style sheets touch one edition each. */
export function editionsFor(file: string, all: readonly Format[]): Format[] {
  const styles = assetPath('styles/');
  if (!file.startsWith(styles)) return [...all];
  const byStyle: Record<string, Format[]> = {
    'components.css': ['html', 'pdf', 'pdfx', 'epub'],
    'base.css': ['html', 'pdf', 'pdfx', 'epub'], // the EPUB's cover is the print title page
    'screen.css': ['html'],
    'print.css': ['pdf', 'pdfx', 'epub'],
    'epub.css': ['epub'],
  };
  return (byStyle[path.basename(file)] ?? [...all]).filter((f) => all.includes(f));
}

/**
 * Build, then rebuild whenever the manuscript or Galley's style sheets change,
 * with one browser kept warm and only the editions a change affects. Each event
 * reports the time from the first change seen to the files written.
 */
export function watch(input: BuildOptionsInput, onEvent: (event: WatchEvent) => void): Watcher {
  const options = parseBuildOptions(input);
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir);
  const { formats } = options;
  let pending: { files: Set<string>; since: number } | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watchers: FSWatcher[] = [];
  const builderReady = createBuilder(options);

  const run = async (changed: string[], since: number, only: Format[]) => {
    try {
      const builder = await builderReady;
      const result = await builder.build(only);
      onEvent({ type: 'built', result, formats: only, changed, ms: performance.now() - since });
    } catch (error) {
      onEvent({ type: 'failed', error, changed, ms: performance.now() - since });
    }
  };

  const flush = () => {
    if (!pending || running || closed) return;
    const { files, since } = pending;
    pending = undefined;
    const changed = [...files].sort();
    const affected = new Set(changed.flatMap((file) => editionsFor(file, formats)));
    const only = formats.filter((f) => affected.has(f));
    if (only.length === 0) return; // e.g. the e-book's style sheet, with no e-book asked for
    running = run(changed, since, only).finally(() => {
      running = undefined;
      flush();
    });
  };

  const changedFile = (dir: string) => (_event: string, name: string | Buffer | null) => {
    if (closed || !name) return;
    const file = path.join(dir, name.toString());
    if (file.startsWith(outDir + path.sep) || path.basename(file).startsWith(TEMP_PREFIX)) return;
    pending ??= { files: new Set(), since: performance.now() };
    pending.files.add(file);
    clearTimeout(timer);
    // Editors write a file in several steps: wait for them to settle.
    timer = setTimeout(flush, 40);
  };

  // Watch first: a change saved during the first build is built right after it.
  watchers.push(watchFiles(root, { recursive: true }, changedFile(root)));
  watchers.push(watchFiles(assetPath('styles'), changedFile(assetPath('styles'))));
  const first = run([], performance.now(), formats).finally(() => {
    running = undefined;
    flush();
  });
  running = first;
  const ready = first;

  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running?.catch(() => undefined);
      await (await builderReady.catch(() => undefined))?.close();
    },
  };
}
