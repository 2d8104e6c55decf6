#!/usr/bin/env node
// Set-up for a fresh clone, run by `npm run book` and before `npm test`. Idempotent
// and quick when everything is in place:
//   1. installs the npm dependencies at exactly their locked versions with `npm ci`
//      when node_modules is missing or older than the lock file (the lock file is
//      complete, for every platform, so installing never rewrites it);
//   2. compiles the TypeScript sources to dist/ and bundles the command line into dist/bin/;
//   3. makes the system tools available: a Chromium for the PDF edition, and the
//      checkers the tests use (poppler-utils, qpdf, epubcheck, pikepdf), and Ghostscript for the
//      press-ready PDF. As root on Debian
//      they come from apt; elsewhere a browser is downloaded by @puppeteer/browsers
//      when possible, and a missing tool is reported with how to install it.
// Never fails for lack of internet: what cannot be installed is reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (line) => process.stderr.write(`setup: ${line}\n`);
const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env, ...options });
  return result.status === 0;
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// 1. npm dependencies
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  log('installing npm dependencies (npm ci)');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    log('npm ci failed');
    process.exit(1);
  }
}

// 2. compile
if (!run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'])) {
  log('TypeScript compilation failed');
  process.exit(1);
}
if (!run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')])) {
  log('bundling the command line failed');
  process.exit(1);
}

// 3. system tools
const tools = [
  { command: 'pdftotext', apt: 'poppler-utils' },
  { command: 'qpdf', apt: 'qpdf' },
  // The press-ready PDF (format pdfx) is made with Ghostscript.
  { command: 'gs', apt: 'ghostscript' },
  { command: 'java', apt: 'default-jre-headless' },
  { file: '/usr/share/java/epubcheck.jar', apt: 'epubcheck' },
  // The tests read PDF content streams with qpdf's parser too (pikepdf), not only Galley's own.
  { file: '/usr/lib/python3/dist-packages/pikepdf/__init__.py', apt: 'python3-pikepdf' },
  // PDF/A files are checked with Apache PDFBox Preflight, which needs JAF and JAXB beside it.
  { file: '/usr/share/java/preflight.jar', apt: 'libpdfbox2-java' },
  { file: '/usr/share/java/javax.activation.jar', apt: 'libactivation-java' },
  { file: '/usr/share/java/jaxb-api.jar', apt: 'libjaxb-api-java' },
];
const browserFound = () => {
  try {
    execFileSync(process.execPath, ['-e', "import('./dist/index.js').then(m => m.findBrowser())"], { cwd: root, stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
};
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && has('apt-get');
const missing = tools.filter((t) => (t.command ? !has(t.command) : !existsSync(t.file))).map((t) => t.apt);
const needBrowser = !browserFound();
if (needBrowser) missing.unshift('chromium');
// On Debian, also the headless shell: the same engine, twice as fast for printing.
if (isDebian && !existsSync('/usr/lib/chromium/chromium-headless-shell')) missing.unshift('chromium-headless-shell');
if (missing.length > 0 && isRoot && isDebian) {
  log(`installing ${missing.join(', ')} with apt`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env: aptEnv });
  if (!run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: aptEnv })) log('apt-get install failed');
} else if (missing.length > 0) {
  if (needBrowser) {
    log('no browser found: trying to download Chrome for Testing with @puppeteer/browsers');
    if (
      !run('npx', [
        '--yes',
        '@puppeteer/browsers',
        'install',
        'chrome-headless-shell@stable',
        '--path',
        path.join(process.env.HOME ?? root, '.cache', 'puppeteer'),
      ])
    ) {
      log(
        'could not download a browser. The PDF edition needs Chromium or Chrome: install one (Debian/Ubuntu: `apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH.',
      );
    }
  }
  const other = missing.filter((m) => !m.startsWith('chromium'));
  if (other.length > 0) log(`the tests also use: ${other.join(', ')} (Debian/Ubuntu package names); install them to run \`npm test\``);
}
