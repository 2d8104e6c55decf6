import { createHash } from 'node:crypto';
import { type PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { annotationsOf, dictAt } from './pdf-trees.js';

/** The longest name a PDF may hold, in bytes (ISO 32000-1, Annex C; PDF/A keeps the limit). */
export const MAX_NAME_BYTES = 127;

/** The length a shortened name keeps of the old one, before its digest. */
const KEPT_BYTES = 100;

/**
 * Chromium names a destination after the id of its element, percent-encoded: a
 * heading in Arabic or Hindi gives a name of hundreds of bytes, over the limit
 * of PDF names (readers may refuse it, PDF/A forbids it). Each such name in the
 * catalog's `/Dests` becomes its first bytes and a digest of the whole (so two
 * long names never meet), and every link (`/Dest`, a GoTo action's `/D`) and
 * outline item that named it follows.
 */
export function shortenDestinationNames(pdf: PDFDocument): void {
  const { context } = pdf;
  const dests = dictAt(context, pdf.catalog, 'Dests');
  if (!dests) return;
  const renamed = new Map<PDFName, PDFName>();
  for (const [name, value] of dests.entries()) {
    if (name.asBytes().length <= MAX_NAME_BYTES) continue;
    const short = PDFName.of(shortName(name.decodeText()));
    renamed.set(name, short);
    dests.delete(name);
    dests.set(short, value);
  }
  if (renamed.size === 0) return;
  const follow = (holder: PDFDict) => {
    const dest = holder.get(PDFName.of('Dest'));
    if (dest instanceof PDFName && renamed.has(dest)) holder.set(PDFName.of('Dest'), renamed.get(dest)!);
    const action = dictAt(context, holder, 'A');
    const target = action?.get(PDFName.of('D'));
    if (action && target instanceof PDFName && renamed.has(target)) action.set(PDFName.of('D'), renamed.get(target)!);
  };
  for (const annot of annotationsOf(pdf)) follow(annot);
  const outlines = dictAt(context, pdf.catalog, 'Outlines');
  const walk = (item: PDFDict | undefined, seen: Set<PDFDict>) => {
    for (let at = item; at && !seen.has(at); at = dictAt(context, at, 'Next')) {
      seen.add(at);
      follow(at);
      walk(dictAt(context, at, 'First'), seen);
    }
  };
  if (outlines) walk(dictAt(context, outlines, 'First'), new Set());
}

/** A name of at most `MAX_NAME_BYTES`: the start of `name` (never inside a `%xx` escape) and a digest of all of it. */
function shortName(name: string): string {
  let kept = '';
  for (const char of name) {
    if (Buffer.byteLength(kept + char) > KEPT_BYTES) break;
    kept += char;
  }
  kept = kept.replace(/%[0-9A-Fa-f]?$/, '');
  return `${kept}~${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}
