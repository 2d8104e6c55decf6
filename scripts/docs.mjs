#!/usr/bin/env node
// Regenerate the parts of README.md that are made from the code: the list of
// rules (src/shared/rules.ts) and the shipped infobox types (infoboxes/*.yaml).
// Run `npm run docs`; a test checks they agree.
import { readFile, writeFile } from 'node:fs/promises';
import { infoboxTypesMarkdown } from '../dist/editor/types-markdown.js';
import { builtinInfoboxTypes } from '../dist/infobox/builtin-types.js';
import { rulesMarkdown } from '../dist/shared/rules.js';

const file = new URL('../README.md', import.meta.url);
let readme = await readFile(file, 'utf8');
const sections = { rules: rulesMarkdown(), infoboxes: infoboxTypesMarkdown(await builtinInfoboxTypes()) };
for (const [name, content] of Object.entries(sections)) {
  const start = `<!-- ${name}:start -->\n`;
  const end = `\n<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> section`);
  readme = readme.slice(0, from + start.length) + content + readme.slice(to);
}
await writeFile(file, readme);
