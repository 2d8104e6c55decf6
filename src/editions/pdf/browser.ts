import type { Browser, Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { BuildFailure, describeError } from '../../shared/messages.js';
import type { StageTimer } from '../../shared/timings.js';
import { type BrowserProcess, spawnBrowser } from './browser-process.js';
import { BrowserNotFoundError, findBrowser } from './find-browser.js';
import { PipeTransport } from './pipe-transport.js';
import { systemFonts } from './system-fonts.js';
import { settleWithin } from './deadline.js';

export { chromiumArgs } from './browser-process.js';

export interface BrowserSession {
  browser: Browser;
  /** The browser's process id (also its process group's). */
  pid: number | undefined;
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
  // Started before Puppeteer is loaded: the browser boots while the rest of Galley loads.
  const started = await spawnBrowser(executablePath, browserEnvironment(fonts.configFile));
  let browser: Browser;
  const connecting = connect(started, options);
  try {
    // Bounded: a browser killed while Puppeteer connects to it can leave the connection waiting.
    browser = await withinLaunchTime(connecting);
  } catch (failure) {
    // A browser that died says so better than the connection it took down ("Target closed").
    const died = await Promise.race([started.exited.catch((error: unknown) => error), new Promise((resolve) => setTimeout(resolve, EXIT_WAIT))]);
    const cause = died instanceof Error ? died : failure;
    started.kill();
    const said = chromiumFailure(await started.stderr());
    await rm(started.userDataDir, { recursive: true, force: true });
    throw said === '' ? cause : new Error(`${describeError(cause)}\n${said}`, { cause });
  }
  const proc = started.process;
  const killGroup = started.kill;
  const userDataDir = started.userDataDir;
  let closed: Promise<void> | undefined;
  // Nothing in the profile is worth a graceful shutdown (hundreds of milliseconds):
  // the process group is killed, then its profile folder removed.
  const close = () =>
    (closed ??= (async () => {
      const exited = proc.exitCode === null && proc.signalCode === null ? new Promise((resolve) => proc.once('exit', resolve)) : undefined;
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
  return { browser, pid: proc.pid, newPage, layoutPage, discardLayoutPage, close };
}

/**
 * Puppeteer's DevTools client, loaded while the browser boots, connected to it over
 * its pipe. Only the client is loaded: Puppeteer's launcher and everything it
 * brings (browser downloads, proxy agents: 2 MB of code, 0.15 s of every start) is
 * never needed, as Galley starts the browser itself. (Its entry point would also
 * give Puppeteer the file system, for methods that take file paths: Galley passes
 * none.)
 */
async function connect(started: BrowserProcess, options: LaunchOptions): Promise<Browser> {
  const { exited } = started;
  const { _connectToCdpBrowser } = await Promise.race([import('puppeteer-core/internal/cdp/BrowserConnector.js'), exited]);
  const connected = await Promise.race([
    _connectToCdpBrowser(new PipeTransport(started.toBrowser, started.fromBrowser), '', { protocolTimeout: options.protocolTimeout ?? 0 }),
    exited,
  ]);
  // The same class as the public `Browser`, declared twice (internal and public typings).
  const browser = connected as unknown as Browser;
  // As Puppeteer's own launch does: the browser's first tab is there before it is used.
  await Promise.race([browser.waitForTarget((target) => target.type() === 'page', { timeout: 0 }), exited]);
  return browser;
}

/** How long a browser whose connection failed may take to be seen exiting, in milliseconds. */
const EXIT_WAIT = 250;

/**
 * What of Chromium's stderr explains a failed start: the loader's and its own
 * fatal messages, not the errors and warnings it logs on every start in a
 * container (no D-Bus, no GPU).
 */
export function chromiumFailure(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\[[\d/.:]+(?:ERROR|WARNING|INFO|VERBOSE\d*):/.test(line))
    .join('\n');
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
