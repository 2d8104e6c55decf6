import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const exec = promisify(execFile);

/**
 * The package as a user gets it: imported by its name, so the `exports` map and the
 * built files in dist/ are what is tested (Node resolves a package's own name).
 */
it('pins the public API of the package, imported by its name', async () => {
  const script = "const galley = await import('galley'); console.log(JSON.stringify(Object.keys(galley).sort()));";
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot });
  expect(JSON.parse(stdout)).toEqual([
    'BookConfig',
    'BrowserNotFoundError',
    'BuildFailure',
    'BuildOptions',
    'ChapterFrontMatter',
    'GalleyError',
    'InfoboxDeclarationSchema',
    'SCHEMA_FOLDER',
    'build',
    'builtinInfoboxTypes',
    'builtinTypeNames',
    'compileInfoboxType',
    'createBuilder',
    'defineInfobox',
    'describeProgress',
    'findBrowser',
    'formatMessage',
    'formats',
    'importArticle',
    'importArticles',
    'jsonSchemas',
    'loadInfoboxTypes',
    'loadManuscript',
    'trimSizes',
    'watch',
    'writeManuscript',
    'writeSchemas',
  ]);
});

it('ships the type declarations and the CLI its package.json names', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    exports: { '.': { types: string; default: string } };
    bin: { galley: string };
  };
  for (const file of [pkg.exports['.'].types, pkg.exports['.'].default, pkg.bin.galley]) expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
});
