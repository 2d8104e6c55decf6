import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from './find-browser.js';

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
}

/** Launch one headless browser. Always pair with `close()` in a `finally`. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  options.signal?.throwIfAborted();
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
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const proc = browser.process();
    const kill = setTimeout(() => proc?.kill('SIGKILL'), 5_000);
    try {
      await browser.close();
    } catch {
      proc?.kill('SIGKILL');
    } finally {
      clearTimeout(kill);
    }
  };
  const onAbort = () => void close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  browser.once('disconnected', () => options.signal?.removeEventListener('abort', onAbort));
  return { browser, newPage: () => browser.newPage(), close };
}

/** Run `work` with one browser, closed on every path (success, error, abort). */
export async function withBrowser<T>(options: LaunchOptions, work: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = await launchBrowser(options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
