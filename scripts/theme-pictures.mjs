#!/usr/bin/env node
// Pictures of the shipped themes for the README (docs/themes/): the committed
// manuscript, built in each theme, three pages each (title page, the opening with its
// infobox, a page of text), rendered with poppler's pdftoppm. Run after `npm run setup`:
//   node scripts/theme-pictures.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { build } = await import(path.join(root, 'dist', 'index.js'));
const out = path.join(root, 'docs', 'themes');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'galley-themes-'));
try {
  for (const theme of ['galley', 'classic']) {
    const manuscript = path.join(work, theme);
    cpSync(path.join(root, 'manuscript'), manuscript, { recursive: true });
    const config = path.join(manuscript, 'book.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}theme: ${theme}\n`);
    const { outputs } = await build({ root: manuscript, outDir: path.join(work, `${theme}-build`), formats: ['pdf'] });
    const pdf = outputs[0].path;
    for (const page of [1, 5, 7]) {
      const base = path.join(out, `${theme}-${page}`);
      execFileSync('pdftoppm', ['-png', '-r', '45', '-singlefile', '-f', String(page), '-l', String(page), pdf, base]);
      process.stderr.write(`wrote ${path.relative(root, base)}.png\n`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
