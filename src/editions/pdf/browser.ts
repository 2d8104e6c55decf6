import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BuildFailure, describeError } from '../../shared/messages.js';
import type { StageTimer } from '../../shared/timings.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';
import { systemFonts } from './system-fonts.js';
import { settleWithin } from './deadline.js';

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
  /** The page layouts run in, kept between builds (its renderer and code caches stay warm). */
  layoutPage(): Promise<Page>;
  /** Drop the layout page after a failure; the next build gets a new one. */
  discardLayoutPage(): Promise<void>;
  /** Close the browser; kills the process if it does not close in time. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Records the launch as the `browser` stage. */
  timer?: StageTimer | undefined;
  /**
   * The longest any one call to the browser may take, in milliseconds (Puppeteer's
   * `protocolTimeout`); 0, the default: no limit of its own, as the PDF edition
   * races every call against its own deadline (`Deadline`).
   */
  protocolTimeout?: number | undefined;
}

/**
 * The browser's environment: fontconfig sees only Galley's shipped fonts, and the
 * locale is fixed (it decides, among others, which Han forms text without a
 * `lang` gets), so the machine's fonts and settings never reach a page.
 */
export function browserEnvironment(fontconfigFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !/^(FONTCONFIG_|FC_|LC_|LANG)/.test(name)) env[name] = value;
  return { ...env, FONTCONFIG_FILE: fontconfigFile, FC_LANG: 'en', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
}

/** Launch one headless browser. Always pair with `close()` in a `finally`. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  options.signal?.throwIfAborted();
  if (options.executablePath !== undefined && !existsSync(options.executablePath)) {
    throw new BrowserNotFoundError(`The browser ${options.executablePath} does not exist`);
  }
  const executablePath = options.executablePath ?? findBrowser();
  const fonts = await systemFonts();
  // Our own profile folder: closing kills the browser at once and removes it.
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'galley-chromium-'));
  let browser: Browser;
  const launching = puppeteer.launch({
    executablePath,
    // chrome-headless-shell is the old headless mode in a binary of its own.
    headless: /headless[-_]shell/.test(path.basename(executablePath)) ? 'shell' : true,
    userDataDir,
    args: chromiumArgs,
    env: browserEnvironment(fonts.configFile),
    // Galley handles SIGINT/SIGTERM itself and closes the browser in `finally`.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: options.protocolTimeout ?? 0,
    // Over a pipe, not a WebSocket: no framing and masking of every byte in JavaScript (0.7–1 s of
    // Node time at 100 chapters, whose parts are sent to the browser as documents of megabytes).
    pipe: true,
  });
  try {
    // Bounded: a browser killed while Puppeteer connects to it can leave the connection waiting.
    browser = await withinLaunchTime(launching);
  } catch (cause) {
    // A launch that ends after all is closed at once.
    launching.then(
      (late) => late.process()?.kill('SIGKILL'),
      () => undefined,
    );
    await rm(userDataDir, { recursive: true, force: true });
    throw cause;
  }
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
  let closed: Promise<void> | undefined;
  // Nothing in the profile is worth a graceful shutdown (hundreds of milliseconds):
  // the process group is killed, then its profile folder removed.
  const close = () =>
    (closed ??= (async () => {
      const exited = proc && proc.exitCode === null && proc.signalCode === null ? new Promise((resolve) => proc.once('exit', resolve)) : undefined;
      browser.disconnect().catch(() => undefined);
      killGroup();
      if (exited) await settleWithin(exited, 5_000);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    })());
  const onAbort = () => void close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  browser.once('disconnected', () => options.signal?.removeEventListener('abort', onAbort));
  // The first page is the tab Chromium opened at start: creating a target costs
  // hundreds of milliseconds. A browser that fails here (say, a protocol timeout) is
  // closed, not left running behind a failed build.
  let initial: Page | undefined;
  try {
    initial = (await withinLaunchTime(browser.pages()))[0];
  } catch (cause) {
    await close();
    throw cause;
  }
  const newPage = async () => {
    const page = initial ?? (await browser.newPage());
    initial = undefined;
    return page;
  };
  let layout: Promise<Page> | undefined;
  const layoutPage = () => (layout ??= newPage());
  const discardLayoutPage = async () => {
    const page = layout;
    layout = undefined;
    const open = await page?.catch(() => undefined);
    if (open) await settleWithin(open.close(), 5_000);
  };
  return { browser, newPage, layoutPage, discardLayoutPage, close };
}

/** How long starting the browser may take: seconds when it works, for ever when it hangs. */
const LAUNCH_TIMEOUT = 60_000;

async function withinLaunchTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the browser did not answer within ${LAUNCH_TIMEOUT / 1000} s`)), LAUNCH_TIMEOUT);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** A browser being started in the background; `session()` waits for it. */
export interface BrowserHandle {
  session(): Promise<BrowserSession>;
  /** Close it if it started; safe on every path. */
  close(): Promise<void>;
}

function toFailure(cause: unknown, signal: AbortSignal | undefined): BuildFailure {
  if (cause instanceof BuildFailure) return cause;
  if (signal?.aborted) return new BuildFailure('The build was interrupted before the browser started', { cause });
  return new BuildFailure(`Could not start the browser: ${describeError(cause)}`, { cause });
}

/**
 * Start a browser now, so that it launches while the manuscript is read and
 * rendered. Launch errors surface when `session()` is awaited.
 */
export function startBrowser(options: LaunchOptions): BrowserHandle {
  const launch = () => launchBrowser(options).catch((cause: unknown) => Promise.reject(toFailure(cause, options.signal)));
  const pending = options.timer ? options.timer.measure('browser', launch) : launch();
  pending.catch(() => undefined); // reported by session(), not as an unhandled rejection
  return {
    session: () => pending,
    close: async () => (await pending.catch(() => undefined))?.close(),
  };
}
