import type { ImageType } from '../../model/book.js';

export const extensionOf: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

/** Whether a file is an SVG image by its first characters (after a prolog of up to about a megabyte: a licence in a comment) (what it holds is checked by `svgProblems`; other images are read by sharp). */
export function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).replace(/^\uFEFF/, '');
  // (After an XML declaration, processing instructions, comments and a document type, with its internal subset.)
  const start = head.replace(/^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*/i, '');
  return /^<svg[\s>]/i.test(start);
}
