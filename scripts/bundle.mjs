#!/usr/bin/env node
// Bundle the command line (dist/cli.js, compiled by tsc) into dist/bin/: Node then
// reads a few files instead of resolving, reading and compiling some 500 modules
// on every start (about 0.4 s of a 2 s build of an article). Split into chunks, so
// the PDF and EPUB editions are still loaded only when a build asks for them.
// dist/index.js (the library) stays unbundled: its users bundle it their own way.
// Run by `npm run compile` and by scripts/setup.mjs after tsc.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, 'dist', 'bin');

/**
 * unist-util-visit-parents names its visitor function after each node it visits
 * (`Object.defineProperty(visit, 'name', …)`, for stack traces): a fifth of the
 * Markdown stage's time in a 100-chapter book (1.65 → 1.28 s), as every plugin
 * walks every tree. The command line leaves the naming out; the walk is the same.
 * The build fails if the package no longer has that code, so the saving cannot
 * silently go and nothing else is changed.
 */
const unnamedVisitors = {
  name: 'unnamed-visitors',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const naming = /\n\s*Object\.defineProperty\(visit, 'name', \{\n\s*value:\n[^\n]*\n\s*\}\)\n/g;
      const found = source.match(naming)?.length ?? 0;
      if (found !== 1) throw new Error(`unist-util-visit-parents changed: its visitor naming was found ${found} times, not once`);
      return { contents: source.replace(naming, '\n'), loader: 'js' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { galley: 'dist/cli.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Fixed names, so two builds of the same sources give the same files.
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'eof',
  // Packages read through their own files at run time stay in node_modules: the Paged.js
  // polyfill and the font packages are located with require.resolve, hyphen loads its
  // patterns by language, wawoff2 its WebAssembly, fontkit is only used to make the font cache, css-tree reads its data files.
  external: ['pagedjs', 'hyphen', 'hyphen/*', 'wawoff2', 'fontkit', '@fontsource/*', 'css-tree', 'sharp'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __galleyRequire } from 'node:module'; const require = __galleyRequire(import.meta.url);" },
  // src/stages/render/file-data.ts only declares types (unified's `file.data`): importing it
  // for its side effects is the unified convention, and it has none at run time.
  logOverride: { 'ignored-bare-import': 'silent' },
  logLevel: 'warning',
  plugins: [unnamedVisitors],
});
