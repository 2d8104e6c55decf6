// Galley's print HTML for the references (pagedjs-cli, bare print), with its fonts
// copied beside it so a browser can open it from disk.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataUris, resolveImages } from '../dist/assets/resolve-images.js';
import { renderChapters } from '../dist/html/render-chapters.js';
import { loadManuscript } from '../dist/manuscript/load.js';
import { fontPackageDir } from '../dist/pdf/fonts.js';
import { printDocument } from '../dist/pdf/print-document.js';

export async function exportPrintHtml(root, outDir) {
  const { manuscript } = await loadManuscript(root);
  const { chapters } = await renderChapters(manuscript);
  const images = await resolveImages(manuscript.root, chapters);
  const fonts = [];
  const html = await printDocument(manuscript.config, chapters, dataUris(images.assets), {
    fontUrl: (pkg, file) => {
      fonts.push([pkg, file]);
      return `fonts/${pkg}/${file}`;
    },
  });
  for (const [pkg, file] of fonts) {
    await mkdir(path.join(outDir, 'fonts', pkg), { recursive: true });
    await copyFile(path.join(fontPackageDir(pkg), 'files', file), path.join(outDir, 'fonts', pkg, file));
  }
  const file = path.join(outDir, 'index.html');
  await writeFile(file, html);
  return file;
}
