import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtures, listFiles, repoRoot, splitProgress, tempDirs } from './helpers.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'dist', 'bin', 'galley.js');

/** Run the CLI; `stderr` without the progress lines, which are in `progress`. */
async function galley(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string; progress: string[] }> {
  let result: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    result = { code: 0, stdout, stderr };
  } catch (cause) {
    const e = cause as { code: number; stdout: string; stderr: string };
    result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  const { progress, rest } = splitProgress(result.stderr);
  return { ...result, stderr: rest, progress };
}

const temp = tempDirs();

describe('galley CLI', () => {
  it('prints help and version with exit 0', async () => {
    const help = await galley(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: galley [options] [command]');
    expect(help.stdout).toMatch(/build \[options\] \[dir\]/);
    const version = await galley(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).version}\n` });
    const buildHelp = await galley(['build', '--help']);
    expect(buildHelp.code).toBe(0);
    expect(buildHelp.stdout).toContain('--format <list>');
  });

  it('exits 2 on usage errors', async () => {
    expect((await galley(['frobnicate'])).code).toBe(2);
    expect((await galley(['build', '--nope'])).code).toBe(2);
    const format = await galley(['build', '--format', 'docx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('expected one of html, pdf, epub, pdfx, not "docx"');
    const jobs = await galley(['build', '--jobs', '1.5']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain(`option '-j, --jobs <n>' argument '1.5' is invalid. expected a whole number (at least 1), not "1.5"`);
    const timeout = await galley(['build', '--timeout', '0']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('expected a number of seconds (at least 1), not "0"');
  });

  it('exits 1 on bad input with located messages, no stack trace, nothing written', async () => {
    const out = await temp();
    const result = await galley(['build', 'tests/fixtures/bad/several-files', '--out', out, '--format', 'html']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'tests/fixtures/bad/several-files/chapters/one.md:5:9: error: Expected a date written as YYYY-MM-DD (or YYYY-MM, YYYY), not `July 1963` [bad-date]',
        'tests/fixtures/bad/several-files/chapters/two.md:1:1: error: Unexpected empty file, expected content [empty-file]',
        'tests/fixtures/bad/several-files/chapters/three.md:1:1: error: Expected UTF-8 text, found the invalid byte 0xff at byte offset 0; save the file as UTF-8 [invalid-utf8]',
        'galley: 3 errors, nothing written',
        '',
      ].join('\n'),
    );
    expect(await listFiles(out)).toEqual([]);
  });

  it('builds the HTML edition; --quiet prints nothing', async () => {
    const out = await temp();
    const result = await galley(['build', 'manuscript', '--out', out, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${path.join(out, 'ar-rashid-revolt.html')}\n`);
    // Off a terminal, progress is one line per stage.
    expect(result.progress).toEqual(['galley: load…', 'galley: markdown…', 'galley: images…', 'galley: html…', 'galley: write…']);
    const quiet = await galley(['--quiet', 'build', 'manuscript', '--out', out, '--format', 'html']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '', progress: [] });
    expect(await listFiles(out)).toEqual(['ar-rashid-revolt.html']);
  });

  it('prints warnings in file:line:column form on stderr', async () => {
    const out = await temp();
    const result = await galley(['build', 'tests/fixtures/html/unsafe-html/input', '--out', out, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe(
      'tests/fixtures/html/unsafe-html/input/chapters/unsafe.md:3:1: warning: Unexpected `<script>` in raw HTML; it was removed (manuscripts cannot run or embed code) [unsafe-html]',
    );
  });

  it('imports the seed into the committed manuscript', async () => {
    const out = await temp();
    const result = await galley([
      'import',
      fixtures('import', 'ar-rashid-revolt.txt'),
      '--out',
      out,
      '--creator',
      'Wikipedia contributors',
      '--publisher',
      'Galley Press',
      '--rights',
      'Text available under the Creative Commons Attribution-ShareAlike 4.0 License',
      '--date',
      '2026-11-24',
      '--subject',
      'Iraq — History — 1958–1968',
      '--subject',
      "Coups d'état — Iraq",
      '--subject',
      'Iraqi Communist Party',
    ]);
    expect(result.code).toBe(0);
    for (const file of await listFiles(path.join(repoRoot, 'manuscript'))) {
      expect(await readFile(path.join(out, file), 'utf8')).toBe(await readFile(path.join(repoRoot, 'manuscript', file), 'utf8'));
    }
  });

  it('exits 1 with a located message for a bad article', async () => {
    const out = await temp();
    const result = await galley(['import', 'tests/fixtures/import/unterminated-title.txt', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/import/unterminated-title.txt:1:17: error: Unterminated title');
    expect(await listFiles(out)).toEqual([]);
  });
});
