// Deterministic synthetic manuscripts for the benchmark: N chapters, each the
// committed article (with its infobox) under a numbered title, A4 trim, so about
// three A4 pages a chapter.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One chapter of about `megabytes` MB of Markdown: the committed article's body
 * (without its front matter and title) again and again, each copy under its own
 * level-2 heading, the article's own level-2 headings made level 3.
 */
export async function generateLong(root, megabytes) {
  const source = await readFile(new URL('../manuscript/chapters/01-ar-rashid-revolt.md', import.meta.url), 'utf8');
  const body = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^# .*\n/m, '')
    .replace(/^## /gm, '### ')
    // Footnote labels must stay unique in one chapter.
    .replace(/\[\^([^\]]+)\]/g, '[^$1-COPY]');
  const copies = [];
  let size = 0;
  for (let n = 1; size < megabytes * 1_000_000; n++) {
    const copy = `## Part ${n}\n\n${body.replaceAll('-COPY]', `-${n}]`)}\n`;
    copies.push(copy);
    size += copy.length;
  }
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'chapters'), { recursive: true });
  await writeFile(path.join(root, 'chapters', 'long.md'), `# A long chapter\n\n${copies.join('\n')}`);
  await writeFile(path.join(root, 'book.yaml'), bookYaml(`One chapter of ${megabytes} MB`, ['chapters/long.md']));
}

function bookYaml(title, chapters) {
  return [
    `title: ${title}`,
    'language: en',
    'creator: Galley benchmark',
    'identifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444444',
    'date: 2026-01-01',
    'trim: A4',
    'chapters:',
    ...chapters.map((c) => `  - ${c}`),
    '',
  ].join('\n');
}

export async function generate(root, chapters) {
  const source = await readFile(new URL('../manuscript/chapters/01-ar-rashid-revolt.md', import.meta.url), 'utf8');
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'chapters'), { recursive: true });
  const list = [];
  for (let n = 1; n <= chapters; n++) {
    const name = `chapters/${String(n).padStart(3, '0')}.md`;
    await writeFile(path.join(root, name), source.replace('# Ar-Rashid revolt', `# ${n}. Ar-Rashid revolt`));
    list.push(name);
  }
  await writeFile(path.join(root, 'book.yaml'), bookYaml(`Benchmark of ${chapters} chapter${chapters === 1 ? '' : 's'}`, list));
}
