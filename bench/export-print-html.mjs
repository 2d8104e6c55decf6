// Galley's print HTML for the references (pagedjs-cli, bare print), with its fonts
// copied beside it so a browser can open it from disk.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { layoutDocument } from '../dist/editions/pdf/layout-document.js';
import { fontPackageDir } from '../dist/editions/shared/fonts.js';
import { makeBook } from '../dist/build/make-book.js';

export async function exportPrintHtml(root, outDir) {
  const book = await makeBook(root);
  const fonts = [];
  const html = await layoutDocument(book, {
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
