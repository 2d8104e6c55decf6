import type { ImageType } from '../../model/book.js';

export const extensionOf: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

/** What a file is, from its first bytes: an image type, `webp`, or undefined (what an SVG holds is checked by `svgProblems`). */
export function sniffImage(bytes: Uint8Array): ImageType | 'webp' | undefined {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a)
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && String.fromCharCode(...b.subarray(0, 6)) === 'GIF87a') return 'image/gif';
  if (b.length >= 6 && String.fromCharCode(...b.subarray(0, 6)) === 'GIF89a') return 'image/gif';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'webp';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, Math.min(b.length, 4096))).replace(/^\uFEFF/, '');
  // (After an XML declaration, processing instructions, comments and a document type, with its internal subset.)
  const start = head.replace(/^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*/i, '');
  if (/^<svg[\s>]/i.test(start)) return 'image/svg+xml';
  return undefined;
}
