import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { infoboxTypesMarkdown } from '../src/editor/types-markdown.js';
import { builtinInfoboxTypes } from '../src/infobox/builtin-types.js';
import { ruleIds, rulesMarkdown } from '../src/shared/rules.js';
import { repoRoot, tempDirs } from './helpers.js';

const exec = promisify(execFile);
const temp = tempDirs();

/** Every TypeScript source of src/, as text. */
async function sources(): Promise<Array<{ file: string; text: string }>> {
  const files = ((await readdir(path.join(repoRoot, 'src'), { recursive: true })) as string[]).filter((f) => f.endsWith('.ts'));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(repoRoot, 'src', file), 'utf8') })));
}

describe('the rule catalogue', () => {
  it('is what the README lists (regenerate with npm run docs)', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const listed = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(listed).toBe(rulesMarkdown());
    const types = /<!-- infoboxes:start -->\n([\s\S]*?)\n<!-- infoboxes:end -->/.exec(readme)?.[1];
    expect(types).toBe(infoboxTypesMarkdown(await builtinInfoboxTypes()));
  });

  it('has no rule that no code reports', async () => {
    const code = (await sources()).filter((s) => s.file !== path.join('shared', 'rules.ts'));
    const unused = ruleIds().filter((id) => !code.some((s) => s.text.includes(`'${id}'`)));
    expect(unused).toEqual([]);
  });
});

describe('the project', () => {
  it('has a complete lock file: npm would not change it', async () => {
    const dir = await temp();
    for (const file of ['package.json', 'package-lock.json']) await copyFile(path.join(repoRoot, file), path.join(dir, file));
    await exec('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: { ...process.env, npm_config_loglevel: 'error' },
    });
    const [before, after] = await Promise.all([
      readFile(path.join(repoRoot, 'package-lock.json'), 'utf8'),
      readFile(path.join(dir, 'package-lock.json'), 'utf8'),
    ]);
    expect(after === before, 'npm install rewrote package-lock.json: run npm install and commit the lock file').toBe(true);
  });

  it('needs nothing outside the clone: the README never points to ../shared', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });
});
