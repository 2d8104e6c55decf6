import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, BuildFailure, build, findBrowser } from '../src/index.js';
import { launchBrowser } from '../src/editions/pdf/browser.js';
import { paginate } from '../src/editions/pdf/paginate.js';
import { POLYFILL_URL } from '../src/editions/pdf/request-router.js';
import { fixtures, listFiles, repoRoot, splitProgress, tempDirs } from './helpers.js';

const exec = promisify(execFile);
const cli = path.join(repoRoot, 'dist', 'bin', 'galley.js');

const temp = tempDirs();

/**
 * Live processes of a process group (Chromium runs in its own). Zombies are dead
 * already: they only wait for an init that reaps them, which some sandboxes lack.
 */
async function groupMembers(pgid: number): Promise<string[]> {
  const { stdout } = await exec('ps', ['-e', '-o', 'pid=,pgid=,stat=,comm=']);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !stat!.startsWith('Z'))
    .map((cols) => cols.join(' '));
}

/** The first child of `pid` whose command is a Chromium. */
async function chromiumChild(pid: number): Promise<number | undefined> {
  try {
    const { stdout } = await exec('pgrep', ['-P', String(pid), '-f', 'chrom']);
    const first = stdout.trim().split('\n')[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

const waitFor = async <T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
};

/** A manuscript long enough that layout takes several seconds. */
async function longManuscript(dir: string): Promise<string> {
  const root = path.join(dir, 'long');
  await mkdir(path.join(root, 'chapters'), { recursive: true });
  const seed = await readFile(fixtures('import', 'ar-rashid-revolt.txt'), 'utf8');
  const text = seed
    .split('\n')
    .filter((l) => l.length > 200)
    .join('\n\n');
  await writeFile(path.join(root, 'chapters', 'long.md'), `# Long\n\n${Array.from({ length: 120 }, (_, i) => `## Part ${i}\n\n${text}`).join('\n\n')}\n`);
  await writeFile(
    path.join(root, 'book.yaml'),
    'title: Long\nlanguage: en\ncreator: C\nidentifier: urn:uuid:11111111-2222-4333-8444-55555555555f\ndate: 2024-01-01\nchapters: [chapters/long.md]\n',
  );
  return root;
}

describe('finding a browser', () => {
  it('says how to install one when there is none', () => {
    const none = () => findBrowser({ HOME: '/nonexistent', PUPPETEER_CACHE_DIR: '/nonexistent' }, 'plan9');
    expect(none).toThrow(BrowserNotFoundError);
    expect(none).toThrow(
      /^No browser found \(looked at PUPPETEER_EXECUTABLE_PATH, the usual system paths and Puppeteer's cache\)\. The PDF edition needs Chromium or Chrome\. Install one \(Debian\/Ubuntu: `sudo apt-get install chromium`/,
    );
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' })).toThrow(
      /PUPPETEER_EXECUTABLE_PATH is set to \/no\/such\/chrome, which does not exist.*apt-get install chromium/,
    );
  });

  it('honours PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath })).toBe(process.execPath);
  });

  it('exits 1 from the CLI with the install hint and writes nothing', async () => {
    const out = await temp();
    const result = await exec(process.execPath, [cli, 'build', 'manuscript', '--out', out], {
      cwd: repoRoot,
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect(splitProgress((result as { stderr: string }).stderr).rest).toMatch(
      /^galley: error: PUPPETEER_EXECUTABLE_PATH is set to \/no\/such\/chrome, which does not exist\. The PDF edition needs Chromium or Chrome\. Install one/,
    );
    expect(await listFiles(out)).toEqual([]);
  });
  it('reports what a browser that dies at start said, and leaves no profile folder behind', async () => {
    const dir = await temp();
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    // A browser binary that cannot start, as one missing a library says so.
    const fake = path.join(dir, 'chromium');
    // (With the errors Chromium logs on every start in a container, which say nothing of why it failed.)
    await writeFile(
      fake,
      '#!/bin/sh\necho "[1207/005619.588122:ERROR:dbus/bus.cc:405] Failed to connect to the bus" >&2\necho "chromium: error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
      { mode: 0o755 },
    );
    const out = path.join(dir, 'out');
    const result = await exec(process.execPath, [cli, 'build', 'manuscript', '--out', out, '--format', 'pdf'], {
      cwd: repoRoot,
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: fake, TMPDIR: tmp },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect(splitProgress((result as { stderr: string }).stderr).rest).toMatch(
      /^galley: error: Could not start the browser: the browser exited at start \(exit code 127\)\nchromium: error while loading shared libraries: libnss3\.so\n/,
    );
    expect(await listFiles(tmp)).toEqual([]);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('failures during layout', () => {
  it('reports an exception thrown by Paged.js and closes the browser', async () => {
    const session = await launchBrowser();
    const pgid = session.pid!;
    try {
      const page = await session.newPage();
      const html = `<!doctype html><html><head><script>Object.defineProperty(window, 'PagedPolyfill', { value: { preview() { throw new Error('chunker exploded'); } }, writable: false });</script></head><body><p>x</p></body></html>`;
      await expect(paginate(page, { html, root: repoRoot, timeout: 30_000 })).rejects.toThrow('Paged.js failed: chunker exploded');
    } finally {
      await session.close();
    }
    expect(await groupMembers(pgid)).toEqual([]);
  });

  it('gives up after the timeout with a clear error, never hangs', async () => {
    const session = await launchBrowser();
    try {
      const page = await session.newPage();
      const html = `<!doctype html><html><head><script>Object.defineProperty(window, 'PagedPolyfill', { value: { preview() { return new Promise(() => {}); } }, writable: false });</script></head><body></body></html>`;
      const started = Date.now();
      await expect(paginate(page, { html, root: repoRoot, timeout: 1_000 })).rejects.toThrow(
        'Page layout (Paged.js) did not finish within 1 s (raise it with --timeout)',
      );
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await session.close();
    }
  });

  it('refuses every request outside the project and Galley, and reports it', async () => {
    const session = await launchBrowser();
    try {
      const page = await session.newPage();
      const html = [
        `<!doctype html><html><head><link rel="icon" href="data:,"><script src="${POLYFILL_URL}"></script>`,
        '<style>body { background: url(https://example.org/x.png) }</style>',
        '</head><body>',
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png"><img src="/../../../etc/passwd"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
        '</body></html>',
      ].join('');
      const result = await paginate(page, { html, root: fixtures('html', 'images', 'input'), timeout: 30_000 });
      // file:// from a web origin is refused by Chromium itself, before interception.
      expect(result.blocked.sort()).toEqual(['http://127.0.0.1:9/x.png', 'http://galley.localhost/etc/passwd', 'https://example.org/x.png']);
    } finally {
      await session.close();
    }
  });

  it('fails cleanly when the browser is killed mid-build: no process left, no PDF', async () => {
    const dir = await temp();
    const root = await longManuscript(dir);
    const out = path.join(dir, 'out');
    const building = build({ root, outDir: out, formats: ['html', 'pdf'] });
    const chrome = await waitFor(() => chromiumChild(process.pid), 20_000);
    await new Promise((r) => setTimeout(r, 2_000)); // well into layout
    process.kill(chrome, 'SIGKILL');
    const error = await building.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BuildFailure);
    // Killed while starting or while laying out: either way a clear failure.
    expect((error as Error).message).toMatch(/^(The PDF edition failed: the browser crashed or was killed during the build|Could not start the browser: .+)$/);
    await new Promise((r) => setTimeout(r, 200));
    expect(await groupMembers(chrome)).toEqual([]);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s closes the browser, removes temporary files and exits %i', async (signal, code) => {
    const dir = await temp();
    const root = await longManuscript(dir);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [cli, 'build', root, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const chrome = await waitFor(() => chromiumChild(child.pid!), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    child.kill(signal);
    expect(await exited, stderr).toBe(code);
    expect(stderr).toContain(`galley: interrupted by ${signal}; the browser was closed and nothing was written`);
    expect(await groupMembers(chrome)).toEqual([]);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('scripts in the manuscript', () => {
  it('never reach the page Chromium lays out', async () => {
    const { makeBook } = await import('../src/build/make-book.js');
    const { layoutDocument } = await import('../src/editions/pdf/layout-document.js');
    const html = await layoutDocument(await makeBook(fixtures('html', 'unsafe-html', 'input')));
    expect(html).not.toMatch(/<script|onclick|javascript:|<iframe|<object/i);
  });
});
