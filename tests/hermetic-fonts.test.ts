import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../src/index.js';
import { repoRoot, tempDirs } from './helpers.js';
import { pdfFonts } from './pdf-tools.js';

/**
 * The print edition sees Galley's shipped fonts only: not the machine's, not the
 * user's, whatever the locale. A multi-script book (with characters no shipped
 * font has, which a machine's font would supply if it could) is built on a
 * machine set up to leak fonts into it, and on one with no fonts at all.
 */
const temp = tempDirs();
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Fonts of the machine: the fonts a leak would bring in (DejaVu has ⅓). */
function machineFonts(): string[] {
  const root = '/usr/share/fonts';
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ttf|otf)$/i.test(file))
    .map((file) => path.join(root, file))
    .sort((a, b) => Number(b.includes('DejaVu')) - Number(a.includes('DejaVu')));
}

const fontconfig = (dirs: string[], prefer: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((dir) => `  <dir>${dir}</dir>`).join('\n')}
  <alias binding="strong"><family>serif</family><prefer><family>${prefer}</family></prefer></alias>
  <alias binding="strong"><family>sans-serif</family><prefer><family>${prefer}</family></prefer></alias>
  <alias binding="strong"><family>Source Serif 4</family><prefer><family>${prefer}</family></prefer></alias>
</fontconfig>
`;

describe('hermetic fonts', () => {
  // A mount namespace, to hide the system's fonts from one build (needs root).
  const namespaces = spawnSync('unshare', ['-m', 'true']).status === 0;

  it.skipIf(!namespaces)('makes the same PDF on a machine with no fonts at all', async () => {
    const book = path.join(repoRoot, 'tests', 'corpus', '07-multiscript');
    const dir = await temp();
    const empty = path.join(dir, 'empty');
    await mkdir(empty);
    const plain = await build({ root: book, outDir: path.join(dir, 'plain'), formats: ['pdf'] });
    const cli = path.join(repoRoot, 'dist', 'bin', 'galley.js');
    const script = `mount --bind '${empty}' /usr/share/fonts && test -z "$(ls /usr/share/fonts)" && exec '${process.execPath}' '${cli}' build '${book}' --out '${path.join(dir, 'none')}' --format pdf --quiet`;
    // Its own font cache, made in the empty world.
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', env: { ...process.env, GALLEY_CACHE_DIR: path.join(dir, 'cache') } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [a, b] = await Promise.all([readFile(plain.outputs[0]!.path), readFile(path.join(dir, 'none', path.basename(plain.outputs[0]!.path)))]);
    expect(a.equals(b), 'byte-identical PDFs').toBe(true);
  });

  it('makes the same PDF on a machine whose fonts, user fonts, fontconfig and locale try to leak in', async () => {
    const fonts = machineFonts();
    expect(fonts.length, 'this machine has fonts of its own (Chromium brings DejaVu)').toBeGreaterThan(0);
    const book = path.join(repoRoot, 'tests', 'corpus', '07-multiscript');
    const dir = await temp();
    const plain = await build({ root: book, outDir: path.join(dir, 'plain'), formats: ['pdf'] });

    // A home with fonts in ~/.fonts and a user fontconfig preferring them; a
    // system-wide FONTCONFIG_FILE doing the same; a Japanese locale.
    const home = path.join(dir, 'home');
    await mkdir(path.join(home, '.fonts'), { recursive: true });
    await mkdir(path.join(home, '.config', 'fontconfig'), { recursive: true });
    for (const font of fonts.slice(0, 20)) await cp(font, path.join(home, '.fonts', path.basename(font)));
    const family = fonts[0]!.includes('DejaVu') ? 'DejaVu Serif' : path.basename(fonts[0]!).replace(/[-.].*$/, '');
    await writeFile(path.join(home, '.config', 'fontconfig', 'fonts.conf'), fontconfig([path.join(home, '.fonts')], family));
    await writeFile(path.join(dir, 'hostile.conf'), fontconfig(['/usr/share/fonts', path.join(home, '.fonts')], family));
    vi.stubEnv('HOME', home);
    vi.stubEnv('XDG_CONFIG_HOME', path.join(home, '.config'));
    vi.stubEnv('XDG_DATA_HOME', path.join(home, '.local', 'share'));
    vi.stubEnv('FONTCONFIG_FILE', path.join(dir, 'hostile.conf'));
    vi.stubEnv('FC_LANG', 'ja');
    vi.stubEnv('LANG', 'ja_JP.UTF-8');
    vi.stubEnv('LC_ALL', 'ja_JP.UTF-8');
    // The set-up does leak, to any program that does not guard against it.
    if (existsSync('/usr/bin/fc-match')) expect(execFileSync('fc-match', ['serif'], { encoding: 'utf8' })).toContain(family.split(' ')[0]);

    const hostile = await build({ root: book, outDir: path.join(dir, 'hostile'), formats: ['pdf'] });
    const [a, b] = await Promise.all([readFile(plain.outputs[0]!.path), readFile(hostile.outputs[0]!.path)]);
    expect(a.equals(b), 'byte-identical PDFs').toBe(true);
    for (const font of await pdfFonts(hostile.outputs[0]!.path)) expect(font.name).not.toMatch(/DejaVu|Liberation/);
  });
});
