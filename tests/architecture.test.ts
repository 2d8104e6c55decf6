import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * The map of ARCHITECTURE.md, enforced: which folders of src/ may import which.
 * A file may always import from its own folder (and below it).
 */
const layers: Array<{ folder: string; may: string[] }> = [
  { folder: 'cli.ts', may: ['cli', 'index.ts', 'build', 'shared'] },
  { folder: 'cli', may: ['build', 'shared'] },
  { folder: 'index.ts', may: ['build', 'editions', 'editor', 'import', 'infobox', 'model', 'schema', 'shared', 'stages'] },
  { folder: 'build', may: ['editions', 'editor', 'model', 'schema', 'shared', 'stages'] },
  { folder: 'editions/html', may: ['editions/shared', 'model', 'shared'] },
  { folder: 'editions/pdf', may: ['editions/shared', 'model', 'shared'] },
  { folder: 'editions/epub', may: ['editions/shared', 'model', 'shared'] },
  { folder: 'editions/pdfx', may: ['editions/shared', 'model', 'shared'] },
  { folder: 'editions/shared', may: ['model', 'shared'] },
  { folder: 'stages/load', may: ['model', 'schema', 'infobox', 'shared'] },
  { folder: 'stages/render', may: ['model', 'schema', 'infobox', 'shared'] },
  { folder: 'stages/assets', may: ['model', 'shared'] },
  { folder: 'import', may: ['editor', 'infobox', 'schema', 'shared'] },
  { folder: 'editor', may: ['infobox', 'schema', 'shared'] },
  { folder: 'model', may: ['schema', 'infobox', 'shared'] },
  { folder: 'infobox', may: ['schema', 'shared'] },
  { folder: 'schema', may: ['shared'] },
  { folder: 'shared', may: [] },
];

const src = path.join(repoRoot, 'src');
const sourceFiles = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));

/** The src-relative files a source file imports (relative imports only). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(src, file), 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, '.ts'));
}

const layerOf = (file: string) => layers.find((layer) => file === layer.folder || file.startsWith(`${layer.folder}/`));

/** Which import would break the layering, for a file and what it imports. */
function violations(file: string, imported: readonly string[]): string[] {
  const layer = layerOf(file);
  if (!layer) return [`${file} is in no layer of ARCHITECTURE.md`];
  return imported
    .filter((target) => {
      const to = layerOf(target);
      return to !== layer && !layer.may.some((allowed) => target === allowed || target.startsWith(`${allowed}/`));
    })
    .map((target) => `${file} imports ${target}`);
}

describe('architecture', () => {
  it('every source file belongs to a layer, and imports only what its layer may', () => {
    expect(sourceFiles.length).toBeGreaterThan(50);
    expect(sourceFiles.flatMap((file) => violations(file, importsOf(file)))).toEqual([]);
  });

  it('catches an edition importing another edition, and a stage importing the CLI', () => {
    expect(violations('editions/epub/epub-edition.ts', ['editions/pdf/paginate.ts'])).toEqual([
      'editions/epub/epub-edition.ts imports editions/pdf/paginate.ts',
    ]);
    expect(violations('editions/shared/toc.ts', ['editions/html/html-edition.ts'])).toHaveLength(1);
    expect(violations('stages/render/render-chapters.ts', ['cli.ts'])).toEqual(['stages/render/render-chapters.ts imports cli.ts']);
    expect(violations('shared/messages.ts', ['build/build.ts'])).toHaveLength(1);
    expect(violations('editions/pdf/paginate.ts', ['model/book.ts', 'editions/shared/fonts.ts', 'shared/messages.ts', 'editions/pdf/browser.ts'])).toEqual([]);
  });

  it('keeps every source file short enough to read at once (at most 250 lines)', () => {
    const long = sourceFiles.map((file) => ({ file, lines: readFileSync(path.join(src, file), 'utf8').split('\n').length })).filter((f) => f.lines > 250);
    expect(long).toEqual([]);
  });
});
