import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BuildFailure } from '../../shared/messages.js';

const run = promisify(execFile);

/** A Ghostscript found on this machine. */
export interface Ghostscript {
  /** Its executable. */
  command: string;
  /** Its version, as `[major, minor]`. */
  version: [number, number];
  /** Folders of its own ICC profiles (`iccprofiles/` beside its resources). */
  profileFolders: string[];
}

/** Thrown when Ghostscript cannot be found; the message says how to get it. */
export class GhostscriptNotFoundError extends BuildFailure {
  constructor(detail: string) {
    super(
      `${detail}. The press-ready PDF (format pdfx) is made with Ghostscript 9.50 or later: install it ` +
        '(Debian/Ubuntu: `sudo apt-get install ghostscript`; macOS: `brew install ghostscript`), ' +
        'or point GALLEY_GHOSTSCRIPT at its executable.',
    );
    this.name = 'GhostscriptNotFoundError';
  }
}

const names = process.platform === 'win32' ? ['gswin64c.exe', 'gswin32c.exe', 'gs.exe'] : ['gs'];

/** The executable: GALLEY_GHOSTSCRIPT, else the first `gs` on the PATH. */
function executable(env: NodeJS.ProcessEnv): string {
  const named = env.GALLEY_GHOSTSCRIPT;
  if (named) {
    if (!existsSync(named)) throw new GhostscriptNotFoundError(`GALLEY_GHOSTSCRIPT names ${named}, which does not exist`);
    return named;
  }
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new GhostscriptNotFoundError('No Ghostscript (gs) was found on the PATH');
}

/** Find Ghostscript and ask it its version and search path. */
export async function findGhostscript(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<Ghostscript> {
  const command = executable(env);
  const ask = async (args: string[]) => (await run(command, args, { signal, timeout: 30_000, env })).stdout;
  let version: [number, number];
  let help: string;
  try {
    const [major = 0, minor = 0] = (await ask(['--version'])).trim().split('.').map(Number);
    version = [major, minor];
    help = await ask(['-h']);
  } catch (error) {
    signal?.throwIfAborted();
    throw new GhostscriptNotFoundError(`${command} did not run (${error instanceof Error ? error.message : String(error)})`);
  }
  if (version[0] < 9 || (version[0] === 9 && version[1] < 50)) throw new GhostscriptNotFoundError(`${command} is Ghostscript ${version.join('.')}`);
  // Its resources live in <share>/ghostscript/<version>/Resource/…; the profiles beside them.
  const searchPath = help.slice(help.indexOf('Search path:')).split(/[\n:]/);
  const resources = searchPath.map((entry) => entry.trim()).find((entry) => entry.endsWith(`${path.sep}Resource${path.sep}Init`));
  const root = resources ? path.dirname(path.dirname(resources)) : undefined;
  const profileFolders = root ? [path.join(root, 'iccprofiles'), path.join(path.dirname(root), 'iccprofiles')] : [];
  return { command, version, profileFolders };
}

/**
 * Run Ghostscript's pdfwrite on `input`, writing `output`. Ghostscript's own
 * messages are kept for the error when it fails; a cancelled build stops it.
 */
export async function runPdfWrite(
  gs: Ghostscript,
  args: string[],
  options: { signal?: AbortSignal | undefined; timeout: number; env: NodeJS.ProcessEnv },
): Promise<void> {
  try {
    await run(gs.command, ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', ...args], {
      signal: options.signal,
      timeout: options.timeout,
      env: options.env,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    options.signal?.throwIfAborted();
    const detail = error as { stderr?: string; stdout?: string; killed?: boolean; message?: string };
    const said = `${detail.stdout ?? ''}${detail.stderr ?? ''}`.trim().split('\n').slice(-6).join(' ');
    const why = detail.killed ? `did not finish within ${Math.round(options.timeout / 1000)} s` : `failed: ${said || detail.message}`;
    throw new BuildFailure(`Ghostscript (${gs.command}) making the press-ready PDF ${why}`);
  }
}
