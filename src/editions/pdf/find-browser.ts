import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { BuildFailure } from '../../shared/messages.js';

/** Where Chromium-family browsers are usually installed, by platform. */
const systemPaths: Record<string, string[]> = {
  // The headless shell first: it starts and lays out about twice as fast as the
  // full browser's headless mode, and prints the same PDF.
  // (Debian's /usr/bin wrapper of the shell does not exec: launch the binary itself.)
  linux: [
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** Thrown when no browser can be found; the message says how to get one. */
export class BrowserNotFoundError extends BuildFailure {
  constructor(detail: string) {
    super(
      `${detail}. The PDF edition needs Chromium or Chrome. Install one ` +
        '(Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome; ' +
        'anywhere with internet: `npx @puppeteer/browsers install chrome-headless-shell@stable`), ' +
        'or point PUPPETEER_EXECUTABLE_PATH at a browser. `npm run book` does this for you on Debian.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** Browsers in Puppeteer's cache (`~/.cache/puppeteer` or PUPPETEER_CACHE_DIR), newest first. */
function cachedBrowsers(env: NodeJS.ProcessEnv): string[] {
  const cache = env.PUPPETEER_CACHE_DIR ?? path.join(homedir(), '.cache', 'puppeteer');
  const found: string[] = [];
  const layouts: Array<[string, string[]]> = [
    [
      'chrome-headless-shell',
      [
        'chrome-headless-shell-linux64/chrome-headless-shell',
        'chrome-headless-shell-mac-x64/chrome-headless-shell',
        'chrome-headless-shell-mac-arm64/chrome-headless-shell',
        'chrome-headless-shell-win64/chrome-headless-shell.exe',
      ],
    ],
    [
      'chrome',
      [
        'chrome-linux64/chrome',
        'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
        'chrome-win64/chrome.exe',
      ],
    ],
  ];
  for (const [product, executables] of layouts) {
    let versions: string[] = [];
    try {
      versions = readdirSync(path.join(cache, product)).sort().reverse();
    } catch {
      continue;
    }
    for (const version of versions) {
      for (const executable of executables) found.push(path.join(cache, product, version, executable));
    }
  }
  return found;
}

/**
 * Find a browser: `PUPPETEER_EXECUTABLE_PATH`, then the usual system paths, then
 * Puppeteer's own cache. Throws `BrowserNotFoundError` saying how to install one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new BrowserNotFoundError(`PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which does not exist`);
  }
  for (const candidate of [...(systemPaths[platform] ?? []), ...cachedBrowsers(env)]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new BrowserNotFoundError("No browser found (looked at PUPPETEER_EXECUTABLE_PATH, the usual system paths and Puppeteer's cache)");
}
