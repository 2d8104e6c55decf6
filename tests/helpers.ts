import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { formatMessage, GalleyError } from '../src/index.js';
import type { VFileMessage } from 'vfile-message';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const fixtures = (...parts: string[]) => path.join(repoRoot, 'tests', 'fixtures', ...parts);

/**
 * The one way tests get temporary folders: call once at the top of a test file;
 * it returns a maker of fresh folders, all removed when the file's tests are done.
 */
export function tempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'galley-test-'));
    made.push(dir);
    return dir;
  };
}

/** Write files into `dir` by their paths relative to it, with the folders they need (a small manuscript, say). */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

/** Messages as the CLI prints them, with paths relative to `root` (no temp paths). */
export function formatAll(messages: readonly VFileMessage[], root: string): string {
  return `${messages.map((m) => formatMessage(m, (file) => path.relative(root, file).split(path.sep).join('/'))).join('\n')}\n`;
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

/** The CLI's progress lines (`galley: <stage>…`, one per stage off a terminal) apart from the rest of stderr. */
export function splitProgress(stderr: string): { progress: string[]; rest: string } {
  const lines = stderr.split('\n');
  const isProgress = (line: string) => /^galley: [\w-]+…$/.test(line);
  return { progress: lines.filter(isProgress), rest: lines.filter((line) => !isProgress(line)).join('\n') };
}
