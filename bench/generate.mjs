// Deterministic synthetic manuscripts for the benchmark: N chapters, each the
// committed article (with its infobox) under a numbered title, A4 trim, so about
// three A4 pages a chapter.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  await writeFile(
    path.join(root, 'book.yaml'),
    [
      `title: Benchmark of ${chapters} chapter${chapters === 1 ? '' : 's'}`,
      'language: en',
      'creator: Galley benchmark',
      'identifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444444',
      'date: 2026-01-01',
      'trim: A4',
      'chapters:',
      ...list.map((c) => `  - ${c}`),
      '',
    ].join('\n'),
  );
}
