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

/**
 * One chapter of `count` photographs, 4000 × 3000 JPEGs (12 MP, as a phone takes
 * them), each different (a gradient of its own with noise), a paragraph between each
 * two: what image processing costs (sharp: decoded whole, made smaller for each edition).
 */
export async function generatePhotos(root, count) {
  const sharp = (await import('sharp')).default;
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(root, 'chapters', 'photos'), { recursive: true });
  const [width, height] = [4000, 3000];
  const parts = ['# Photographs\n'];
  for (let n = 1; n <= count; n++) {
    const raw = Buffer.alloc(width * height * 3);
    let seed = n;
    for (let i = 0; i < raw.length; i += 3) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const x = (i / 3) % width;
      const y = Math.floor(i / 3 / width);
      const noise = (seed >> 16) % 16;
      raw[i] = ((x * 255) / width + n * 9 + noise) & 255;
      raw[i + 1] = ((y * 255) / height + n * 5 + noise) & 255;
      raw[i + 2] = (((x + y) * 128) / (width + height) + n * 3 + noise) & 255;
    }
    const name = `photos/${String(n).padStart(3, '0')}.jpg`;
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toFile(path.join(root, 'chapters', name));
    parts.push(`Photograph ${n}, as taken.\n\n![Photograph ${n}: a gradient](${name})\n`);
  }
  await writeFile(path.join(root, 'chapters', 'photos.md'), parts.join('\n'));
  await writeFile(path.join(root, 'book.yaml'), bookYaml(`${count} photographs`, ['chapters/photos.md']));
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
