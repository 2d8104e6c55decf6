import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { BuildFailure, describeError } from '../core/messages.js';
import type { StageTimer } from '../core/timings.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';

/** Flags for headless Chromium in CI containers (root, no GPU, small /dev/shm, no network chatter). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--font-render-hinting=none',
  '--force-color-profile=srgb',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export interface BrowserSession {
  browser: Browser;
  /** A fresh page. */
  newPage(): Promise<Page>;
  /** Close the browser; kills the process if it does not close in time. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Records the launch as the `browser` stage. */
  timer?: StageTimer | undefined;
}

/** Launch one headless browser. Always pair with `close()` in a `finally`. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  options.signal?.throwIfAborted();
  if (options.executablePath !== undefined && !existsSync(options.executablePath)) {
    throw new BrowserNotFoundError(`The browser ${options.executablePath} does not exist`);
  }
  const executablePath = options.executablePath ?? findBrowser();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
    // Galley handles SIGINT/SIGTERM itself and closes the browser in `finally`.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 600_000,
  });
  const proc = browser.process();
  // Chromium runs in its own process group (Puppeteer starts it detached): killing
  // the group also ends renderers and helpers that a crash may have orphaned.
  const killGroup = () => {
    if (proc?.pid === undefined) return;
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      proc.kill('SIGKILL');
    }
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const timer = setTimeout(killGroup, 5_000);
    try {
      if (browser.connected) await browser.close();
    } catch {
      // Closing a crashed browser fails; the group is killed below either way.
    } finally {
      clearTimeout(timer);
      killGroup();
    }
  };
  const onAbort = () => void close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  browser.once('disconnected', () => options.signal?.removeEventListener('abort', onAbort));
  return { browser, newPage: () => browser.newPage(), close };
}

/** Run `work` with one browser, closed on every path (success, error, abort). */
export async function withBrowser<T>(options: LaunchOptions, work: (session: BrowserSession) => Promise<T>): Promise<T> {
  let session: BrowserSession;
  try {
    session = options.timer ? await options.timer.measure('browser', () => launchBrowser(options)) : await launchBrowser(options);
  } catch (cause) {
    if (cause instanceof BuildFailure) throw cause;
    if (options.signal?.aborted) throw new BuildFailure('The build was interrupted before the browser started', { cause });
    throw new BuildFailure(`Could not start the browser: ${describeError(cause)}`, { cause });
  }
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
