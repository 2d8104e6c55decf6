import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { expectGalleyError, fixtures, formatAll, listFiles, tempDirs } from './helpers.js';

const cases = readdirSync(fixtures('bad'));
const temp = tempDirs();

describe('bad input', () => {
  it.each(cases)('%s: located messages, no output', async (name) => {
    const dir = fixtures('bad', name);
    const out = await temp();
    // A fixture may set build options (`{"strict": true}`) in options.json.
    const optionsFile = path.join(dir, 'options.json');
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as { strict?: boolean }) : {};
    const error = await expectGalleyError(() => build({ root: dir, outDir: out, formats: ['html'], ...options }));
    expect(error.messages.some((m) => m.fatal)).toBe(true);
    for (const message of error.messages) {
      expect(message.file, 'every message names its file').toBeTruthy();
      expect(message.ruleId, 'every message has a rule id').toBeTruthy();
    }
    await expect(formatAll(error.messages, dir)).toMatchFileSnapshot(path.join(dir, 'messages.txt'));
    expect(await listFiles(out)).toEqual([]);
  });

  it('reports every problem of a multi-chapter build, not only the first', async () => {
    const error = await expectGalleyError(() => build({ root: fixtures('bad', 'several-files'), outDir: 'unused', formats: ['html'] }));
    const files = new Set(error.messages.map((m) => path.basename(m.file ?? '')));
    expect([...files].sort()).toEqual(['one.md', 'three.md', 'two.md']);
  });

  it('names the byte offset of invalid UTF-8', async () => {
    const error = await expectGalleyError(() => build({ root: fixtures('bad', 'not-utf8'), outDir: 'unused', formats: ['html'] }));
    expect(error.messages[0]!.reason).toContain('0xe9 at byte offset 10');
    expect(error.messages[0]!.line).toBe(3);
    expect(error.messages[0]!.column).toBe(4);
  });

  it('suggests the field that was probably meant', async () => {
    const error = await expectGalleyError(() => build({ root: fixtures('bad', 'infobox-unknown-field'), outDir: 'unused', formats: ['html'] }));
    const reasons = error.messages.map((m) => m.reason);
    expect(reasons).toContain('Unknown field `palce` in `infobox`, did you mean `place`?');
    expect(reasons).toContain('Unknown field `comanders` in `infobox.sides[0]`, did you mean `commanders`?');
  });

  it('rejects invalid build options at the boundary', async () => {
    await expect(build({ root: '' })).rejects.toThrow('Invalid build options: `root`: Expected the path of the manuscript folder, not an empty string');
    // @ts-expect-error: not a format
    await expect(build({ root: 'manuscript', formats: ['docx'] })).rejects.toThrow('Invalid build options: `formats.0`: Expected one of html, pdf, epub');
    await expect(build({ root: 'manuscript', timeout: 5 })).rejects.toThrow('Invalid build options: `timeout`: Expected at least 1000 milliseconds');
  });
});

describe('chapter ids from file names', () => {
  it('keeps the name, drops a numeric prefix, and keeps numbers that are the whole name', async () => {
    const { idFromFileName } = await import('../src/stages/load/load-manuscript.js');
    expect(idFromFileName('chapters/01-the-revolt.md')).toBe('the-revolt');
    expect(idFromFileName('chapters/007.md')).toBe('chapter-007');
    expect(idFromFileName('chapters/2 Ärger.md')).toBe('arger');
    expect(idFromFileName('chapters/---.md')).toBe('chapter-untitled');
  });
});
