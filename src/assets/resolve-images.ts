import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import type { VFileMessage } from 'vfile-message';
import { error, warning } from '../core/messages.js';
import type { RenderedChapter } from '../html/render-chapters.js';
import { extensionOf, sniffImage, type ImageType } from './sniff-image.js';

/** An image of the book, read and checked, shared by every edition. */
export interface ImageAsset {
  /** Canonical href (`images/<name>`), what `<img src>` holds after resolving. */
  href: string;
  mediaType: ImageType;
  data: Uint8Array;
}

/** The most an image file may weigh. */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

const isRemote = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');

/**
 * Resolve the chapters' images against the manuscript folder: refuse paths that
 * leave it (nothing is read), never fetch remote URLs (builds are offline), report
 * missing files and files that are not images, and point every `<img>` at its
 * checked asset. Works on the chapter trees in place.
 */
export async function resolveImages(root: string, chapters: readonly RenderedChapter[]): Promise<{ assets: ImageAsset[]; messages: VFileMessage[] }> {
  const messages: VFileMessage[] = [];
  const byHash = new Map<string, ImageAsset>();
  const names = new Set<string>();
  const realRoot = await realpath(root);
  for (const { chapter } of chapters) {
    const file = chapter.file.path;
    for (const img of chapter.file.data.images ?? []) {
      const src = typeof img.properties.src === 'string' ? img.properties.src.trim() : '';
      const place = img.position?.start;
      const report = (reason: string, ruleId: Parameters<typeof error>[0]['ruleId'], fatal = true) =>
        messages.push((fatal ? error : warning)({ file, reason, ruleId, place }));
      if (typeof img.properties.alt !== 'string' || img.properties.alt.trim() === '') {
        report(`Image \`${src}\` has no alt text; describe it for readers who cannot see it (or use an empty description only for decoration)`, 'missing-alt', false);
        img.properties.alt ??= '';
      }
      if (src === '') {
        report('Unexpected image without a source', 'missing-image');
        continue;
      }
      if (src.startsWith('data:')) {
        if (!/^data:image\/(png|jpeg|gif);base64,/i.test(src)) report('Unexpected `data:` image that is not a base64 PNG, JPEG or GIF', 'not-an-image');
        continue;
      }
      if (isRemote(src)) {
        report(`Remote image \`${src}\` was not fetched (builds are offline); put the file in the manuscript folder`, 'remote-image', false);
        unavailable(img);
        continue;
      }
      let relative: string;
      try {
        relative = decodeURI(src.split(/[?#]/)[0]!);
      } catch {
        relative = src;
      }
      const target = path.resolve(path.dirname(file), relative);
      const inside = (p: string, base: string) => p === base || p.startsWith(base + path.sep);
      if (!inside(target, path.resolve(root))) {
        report(`Refused image \`${src}\`: it is outside the manuscript folder`, 'unsafe-path');
        unavailable(img);
        continue;
      }
      let real: string;
      try {
        real = await realpath(target);
        if (!(await stat(real)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      } catch {
        report(`Cannot find image \`${src}\` (paths are relative to the chapter file)`, 'missing-image');
        continue;
      }
      if (!inside(real, realRoot)) {
        report(`Refused image \`${src}\`: it links to a file outside the manuscript folder`, 'unsafe-path');
        unavailable(img);
        continue;
      }
      if ((await stat(real)).size > MAX_IMAGE_BYTES) {
        report(`Image \`${src}\` is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB`, 'too-large');
        continue;
      }
      const data = await readFile(real);
      const type = sniffImage(data);
      if (type === undefined || type === 'webp' || type === 'unsafe-svg') {
        const why = type === 'webp' ? 'WebP is not supported by every e-reader; convert it to PNG or JPEG' : type === 'unsafe-svg' ? 'an SVG with scripts, event handlers or foreign objects is refused' : 'it is not a PNG, JPEG, GIF or SVG image';
        report(`Unexpected file \`${src}\`: ${why}`, 'not-an-image');
        continue;
      }
      const hash = createHash('sha256').update(data).digest('hex');
      let asset = byHash.get(hash);
      if (!asset) {
        const stem = path.basename(real, path.extname(real)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
        let name = `${stem}.${extensionOf[type]}`;
        for (let n = 2; names.has(name); n++) name = `${stem}-${n}.${extensionOf[type]}`;
        names.add(name);
        asset = { href: `images/${name}`, mediaType: type, data };
        byHash.set(hash, asset);
      }
      img.properties.src = asset.href;
    }
  }
  return { assets: [...byHash.values()], messages };
}

/** Replace an image that cannot be used by its description. */
function unavailable(img: Element): void {
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  img.tagName = 'span';
  img.properties = { className: ['image-unavailable'] };
  img.children = alt ? [{ type: 'text', value: `[${alt}]` }] : [];
}

/** `src` values for editions that inline their images (HTML, print): data URIs. */
export function dataUris(assets: readonly ImageAsset[]): Map<string, string> {
  return new Map(assets.map((asset) => [asset.href, `data:${asset.mediaType};base64,${Buffer.from(asset.data).toString('base64')}`]));
}
