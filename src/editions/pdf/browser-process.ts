import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Chromium's command line: the flags Puppeteer gives a browser it launches (a tagged
 * PDF with an outline among them), then Galley's own for headless Chromium in CI
 * containers (root, no GPU, small /dev/shm, no network chatter).
 */
export const chromiumArgs = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  // The network service runs in the browser process (requests never leave the machine):
  // with the GPU's (nothing is drawn on one), one process fewer to start, about 120 ms.
  '--enable-features=PdfOopif,NetworkServiceInProcess2',
  '--in-process-gpu',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-component-update',
  '--font-render-hinting=none',
];

/** A Chromium process started by Galley, and the pipe to its DevTools. */
export interface BrowserProcess {
  process: ChildProcess;
  /** Its profile folder, to remove once it has exited. */
  userDataDir: string;
  toBrowser: Writable;
  fromBrowser: Readable;
  /** Rejects as soon as the process ends (or could not be started): a browser never ends by itself. */
  exited: Promise<never>;
  /** The end of what it wrote on stderr (why it failed to start, say), once it closed it (or after a short wait). */
  stderr(): Promise<string>;
  /** Kill its whole process group (renderers and helpers a crash may have orphaned included). */
  kill(): void;
}

/** How long a browser that exited may take to close its stderr, in milliseconds. */
const STDERR_WAIT = 500;

/** The most of Chromium's stderr kept for an error message. */
const STDERR_KEPT = 4_096;

/**
 * Start Chromium with a fresh profile and the DevTools protocol on a pipe: no
 * Puppeteer needed yet, so the browser boots while Galley loads the rest of itself.
 * It runs in a process group of its own (`kill` ends all of it).
 */
export async function spawnBrowser(executablePath: string, env: Record<string, string>): Promise<BrowserProcess> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'galley-chromium-'));
  const headless = /headless[-_]shell/.test(path.basename(executablePath)) ? '--headless' : '--headless=new';
  const args = [...chromiumArgs, `--user-data-dir=${userDataDir}`, headless, '--remote-debugging-pipe', 'about:blank'];
  let child: ChildProcess;
  try {
    child = spawn(executablePath, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  } catch (cause) {
    await rm(userDataDir, { recursive: true, force: true });
    throw cause;
  }
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEPT);
  });
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`the browser exited at start (${signal ?? `exit code ${code}`})`)));
    // A binary that cannot be run reports it here, not as a throw.
    child.once('error', reject);
  });
  exited.catch(() => undefined); // awaited while connecting; later, the connection's end reports it
  const [, , , toBrowser, fromBrowser] = child.stdio as [null, null, Readable, Writable, Readable];
  const kill = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const stderrEnd = new Promise<void>((resolve) => {
    if (!child.stderr || child.stderr.readableEnded) resolve();
    child.stderr?.once('close', resolve);
  });
  const said = async () => {
    let timer: NodeJS.Timeout | undefined;
    // A helper process can hold the pipe open: not for long.
    await Promise.race([stderrEnd, new Promise((resolve) => (timer = setTimeout(resolve, STDERR_WAIT)))]);
    clearTimeout(timer);
    return stderr.trim();
  };
  return { process: child, userDataDir, toBrowser, fromBrowser, exited, stderr: said, kill };
}
