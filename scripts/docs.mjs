#!/usr/bin/env node
// Regenerate the parts of README.md that are made from the code: the list of
// rules (from src/shared/rules.ts). Run `npm run docs`; a test checks they agree.
import { readFile, writeFile } from 'node:fs/promises';
import { rulesMarkdown } from '../dist/shared/rules.js';

const file = new URL('../README.md', import.meta.url);
const readme = await readFile(file, 'utf8');
const start = '<!-- rules:start -->\n';
const end = '\n<!-- rules:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from === -1 || to === -1) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> section');
await writeFile(file, readme.slice(0, from + start.length) + rulesMarkdown() + readme.slice(to));
