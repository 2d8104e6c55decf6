import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { formatMessage, GalleyError } from '../src/index.js';
import type { VFileMessage } from 'vfile-message';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const fixtures = (...parts: string[]) => path.join(repoRoot, 'tests', 'fixtures', ...parts);

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'galley-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Call in a test file: returns a maker of temporary folders, all removed after each test. */
export function tempDirsPerTest(): () => Promise<string> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  return async () => {
    const made = await tempDir();
    cleanups.push(made.cleanup);
    return made.dir;
  };
}

/** Messages as the CLI prints them, with paths relative to `root` (no temp paths). */
export function formatAll(messages: readonly VFileMessage[], root: string): string {
  return messages.map((m) => formatMessage(m, (file) => path.relative(root, file).split(path.sep).join('/'))).join('\n') + '\n';
}

/** Run `fn`, expecting a `GalleyError`; returns it. */
export async function expectGalleyError(fn: () => Promise<unknown>): Promise<GalleyError> {
  try {
    await fn();
  } catch (cause) {
    if (cause instanceof GalleyError) return cause;
    throw cause;
  }
  throw new Error('Expected a GalleyError, but the call succeeded');
}

/** Every file below a folder, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
