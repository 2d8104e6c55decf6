import { PDFArray, PDFDict, type PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { stringText } from './pdf-trees.js';

const chromiumId = /^node(\d+)$/;

/**
 * Give the ids of a layout part's structure elements the part's number in front
 * (`node00000403` of part 2 → `node000003000000000403`), so that the parts' ids stay
 * apart when they are joined and rank in book order for `stabiliseStructIds`.
 */
export function renameStructIds(pdf: PDFDocument, part: number): void {
  // Fixed widths: the names sort as their numbers do.
  renameIds(pdf, (number) => `node${String(part + 1).padStart(6, '0')}${String(number).padStart(12, '0')}`);
}

/**
 * Chromium names the structure elements of a tagged PDF after its internal DOM
 * node numbers (`node00000403`), which shift when the machine is busy. Rename them
 * by rank (`id0001`, …) wherever they appear — `/ID` of structure elements, the
 * `/IDTree` name tree, table `/Headers` — so the same book gives the same bytes.
 * Order is kept, so the name tree stays sorted.
 */
export function stabiliseStructIds(pdf: PDFDocument): void {
  renameIds(pdf, (_number, rank, count) => `id${String(rank + 1).padStart(Math.max(4, String(count).length), '0')}`);
}

/** Rename every `node<number>` id in order of its number. */
function renameIds(pdf: PDFDocument, name: (number: bigint, rank: number, count: number) => string): void {
  const found = new Set<string>();
  const dicts: PDFDict[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) if (obj instanceof PDFDict) dicts.push(obj);
  const visit = (obj: PDFObject | undefined, each: (holder: PDFArray | PDFDict, key: number | PDFName, value: string) => void) => {
    if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const item = obj.get(i);
        const value = stringText(item);
        if (value !== undefined && chromiumId.test(value)) each(obj, i, value);
        else if (item instanceof PDFArray || item instanceof PDFDict) visit(item, each);
      }
    } else if (obj instanceof PDFDict) {
      for (const [key, item] of obj.entries()) {
        const name = key.asString();
        if (!['/ID', '/Names', '/Limits', '/Headers', '/A', '/Kids'].includes(name)) continue;
        const value = stringText(item);
        if (value !== undefined && chromiumId.test(value)) each(obj, key, value);
        else if (item instanceof PDFArray || item instanceof PDFDict) visit(item, each);
      }
    }
  };
  for (const dict of dicts) visit(dict, (_holder, _key, value) => found.add(value));
  if (found.size === 0) return;
  const number = (id: string) => BigInt(chromiumId.exec(id)![1]!);
  const ranked = [...found].sort((a, b) => (number(a) < number(b) ? -1 : number(a) > number(b) ? 1 : 0));
  const renamed = new Map(ranked.map((id, i) => [id, name(number(id), i, ranked.length)]));
  for (const dict of dicts) {
    visit(dict, (holder, key, value) => {
      const replacement = PDFString.of(renamed.get(value)!);
      if (holder instanceof PDFArray) holder.set(key as number, replacement);
      else holder.set(key as PDFName, replacement);
    });
  }
}
