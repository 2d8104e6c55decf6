import { PDFDict, type PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { arrayAt, dictAt, resolve } from './pdf-trees.js';

const tagged = /^([A-Z]{6})\+(.+)$/;

/** The `n`th subset tag: AAAAAA, AAAAAB, … */
function tagOf(n: number): string {
  let tag = '';
  for (let i = 0, rest = n; i < 6; i++, rest = Math.floor(rest / 26)) tag = String.fromCharCode(65 + (rest % 26)) + tag;
  return tag;
}

/**
 * Subset tags unique across the parts of a book: Chromium tags each part's font
 * subsets from `AAAAAA+` again, and a joined PDF must not give two different
 * subsets one name (readers cache fonts by name). Renames every tagged font of
 * each document handed to `retag`, in order of first use, from one counter.
 */
export class FontTags {
  #next = 0;

  retag(pdf: PDFDocument): void {
    const { context } = pdf;
    const tags = new Map<string, string>();
    const seen = new Set<PDFDict>();
    const rename = (dict: PDFDict, key: string) => {
      const value = dict.get(PDFName.of(key));
      const match = value instanceof PDFName ? tagged.exec(value.decodeText()) : null;
      if (!match) return;
      const tag = tags.get(match[1]!) ?? tagOf(this.#next++);
      tags.set(match[1]!, tag);
      dict.set(PDFName.of(key), PDFName.of(`${tag}+${match[2]}`));
    };
    const font = (dict: PDFDict) => {
      if (seen.has(dict)) return;
      seen.add(dict);
      rename(dict, 'BaseFont');
      const descriptor = dictAt(context, dict, 'FontDescriptor');
      if (descriptor) rename(descriptor, 'FontName');
      for (const descendant of arrayAt(context, dict, 'DescendantFonts')?.asArray() ?? []) {
        const resolved = resolve(context, descendant);
        if (resolved instanceof PDFDict) font(resolved);
      }
    };
    const resources = (dict: PDFDict) => {
      if (seen.has(dict)) return;
      seen.add(dict);
      const fonts = dictAt(context, dict, 'Font');
      for (const [, value] of fonts?.entries() ?? []) {
        const resolved = resolve(context, value);
        if (resolved instanceof PDFDict) font(resolved);
      }
      for (const [, value] of dictAt(context, dict, 'XObject')?.entries() ?? []) {
        const stream = resolve(context, value);
        const inner = stream instanceof PDFStream ? dictAt(context, stream.dict, 'Resources') : undefined;
        if (inner) resources(inner);
      }
    };
    for (const page of pdf.getPages()) {
      const own = page.node.Resources();
      if (own) resources(own);
    }
  }
}
