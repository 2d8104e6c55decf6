import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { BookConfig, Chapter, ImageAsset, ImageType } from '../../model/book.js';
import { report, type RuleId } from '../../shared/messages.js';
import { geometryWith, textArea } from '../../shared/page-geometry.js';
import { type ImageLimits, prepareImage } from './prepare-image.js';
import { extensionOf, isSvg } from './sniff-image.js';
import { type SvgProblem, svgProblems } from './svg-references.js';

/** The most an image file may weigh. */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

const isRemote = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');

/** The pixels each edition may hold, from the book's settings and its print edition's text area. */
export function imageLimits(config: Pick<BookConfig, 'trim' | 'page' | 'images'>): ImageLimits {
  const area = textArea(geometryWith(config.trim, config.page?.margins));
  const pixels = (mm: number) => Math.round((mm / 25.4) * config.images.ppi);
  return { print: { width: pixels(area.width), height: pixels(area.height) }, screen: config.images.megapixels * 1e6, quality: config.images.quality };
}

/**
 * The assets stage: resolve the chapters' images against the manuscript folder.
 * Paths that leave it are refused (nothing is read), remote URLs are never fetched
 * (builds are offline), missing files and files that are not images are reported
 * on the chapter's file; raster images are made ready for each edition
 * (`prepare-image.ts`: converted where their type is not one every reader shows,
 * made smaller to the limits), with a note where Galley converted one. Returns the
 * checked assets and new chapters whose `<img>` point at them (chapters without
 * images are returned as they are).
 */
export async function resolveImages(root: string, chapters: readonly Chapter[], limits: ImageLimits): Promise<{ chapters: Chapter[]; assets: ImageAsset[] }> {
  const byHash = new Map<string, ImageAsset>();
  const names = new Set<string>();
  const realRoot = await realpath(root);
  const resolved: Chapter[] = [];
  for (const chapter of chapters) {
    if (!hasImages(chapter.tree)) {
      resolved.push(chapter);
      continue;
    }
    const tree = structuredClone(chapter.tree);
    resolved.push({ ...chapter, tree });
    const images: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') images.push(node);
    });
    for (const img of images) {
      const src = typeof img.properties.src === 'string' ? img.properties.src.trim() : '';
      const place = img.position?.start;
      const problem = (reason: string, ruleId: RuleId, fatal = true) => report(chapter.file, fatal ? 'error' : 'warning', ruleId, reason, place);
      if (typeof img.properties.alt !== 'string' || img.properties.alt.trim() === '') {
        problem(
          `Image \`${src}\` has no alt text; describe it for readers who cannot see it (or use an empty description only for decoration)`,
          'missing-alt',
          false,
        );
        img.properties.alt ??= '';
      }
      if (src === '') {
        problem('Unexpected image without a source', 'missing-image');
        continue;
      }
      if (src.startsWith('data:')) {
        if (!/^data:image\/(png|jpeg|gif);base64,/i.test(src)) problem('Unexpected `data:` image that is not a base64 PNG, JPEG or GIF', 'not-an-image');
        continue;
      }
      if (isRemote(src)) {
        problem(`Remote image \`${src}\` was not fetched (builds are offline); put the file in the manuscript folder`, 'remote-image', false);
        unavailable(img);
        continue;
      }
      let relative: string;
      try {
        relative = decodeURIComponent(src.split(/[?#]/)[0]!);
      } catch {
        relative = src;
      }
      const target = path.resolve(path.dirname(chapter.file.path), relative);
      const inside = (p: string, base: string) => p === base || p.startsWith(base + path.sep);
      if (!inside(target, path.resolve(root))) {
        problem(`Refused image \`${src}\`: it is outside the manuscript folder`, 'unsafe-path');
        unavailable(img);
        continue;
      }
      let real: string;
      try {
        real = await realpath(target);
        if (!(await stat(real)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      } catch {
        problem(`Cannot find image \`${src}\` (paths are relative to the chapter file)`, 'missing-image');
        continue;
      }
      if (!inside(real, realRoot)) {
        problem(`Refused image \`${src}\`: it links to a file outside the manuscript folder`, 'unsafe-path');
        unavailable(img);
        continue;
      }
      if ((await stat(real)).size > MAX_IMAGE_BYTES) {
        problem(`Image \`${src}\` is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB`, 'too-large');
        continue;
      }
      const data = await readFile(real);
      let type: ImageType;
      let printType: ImageType;
      let screen: Uint8Array = data;
      let print: Uint8Array = data;
      if (isSvg(data)) {
        type = 'image/svg+xml';
        printType = type;
        const found = svgProblems(new TextDecoder().decode(data));
        if (found.length > 0) {
          const unreadable = found.some((found) => found.wellFormed === false);
          problem(
            `${unreadable ? 'Unexpected file' : 'Refused image'} \`${src}\`: ${svgReasons(path.relative(root, real), found)}`,
            unreadable ? 'not-an-image' : 'unsafe-svg',
          );
          unavailable(img);
          continue;
        }
      } else {
        const prepared = await prepareImage(data, limits);
        if (typeof prepared === 'string') {
          problem(`Unexpected file \`${src}\`: ${prepared}`, 'not-an-image');
          continue;
        }
        ({ mediaType: type, printType, screen, print } = prepared);
        if (prepared.convertedFrom !== undefined) {
          const into = type === 'image/png' ? 'PNG' : 'JPEG';
          const from = prepared.convertedFrom;
          const why =
            from === 'CMYK'
              ? 'its CMYK colours converted to sRGB (screens and e-readers show RGB)'
              : from.startsWith('GIF')
                ? `${from} converted to ${into}, to make it smaller: it has more pixels than the editions take (a GIF within them is kept as it is)`
                : `${from} converted to ${into} (not every e-reader shows ${from.split(' ')[0]})`;
          report(chapter.file, 'note', 'image-converted', `Image \`${src}\`: ${why}`, place);
        }
      }
      const hash = createHash('sha256').update(data).digest('hex');
      let asset = byHash.get(hash);
      if (!asset) {
        const stem =
          path
            .basename(real, path.extname(real))
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, '-')
            .replace(/^-+|-+$/g, '') || 'image';
        let name = `${stem}.${extensionOf[type]}`;
        for (let n = 2; names.has(name); n++) name = `${stem}-${n}.${extensionOf[type]}`;
        names.add(name);
        asset = { href: `images/${name}`, mediaType: type, data: screen, print, printType };
        byHash.set(hash, asset);
      }
      img.properties.src = asset.href;
      // (Cast: hast-util-from-parse5 types the `position` of its verbose mode as always there.)
      img.data = { ...img.data, imageSource: shownPath(src) } as NonNullable<Element['data']>;
    }
  }
  return { chapters: resolved, assets: [...byHash.values()] };
}

/** A path as the author sees it: `low%20pic.jpg` (as Markdown encodes `<low pic.jpg>`) is `low pic.jpg`. */
function shownPath(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function hasImages(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return;
    found = true;
    return false;
  });
  return found;
}

/** What is wrong with an SVG, each at its place in `file` (the first eight). */
function svgReasons(file: string, problems: readonly SvgProblem[]): string {
  const listed = problems.slice(0, 8).map(({ reason, line, column }) => `${reason} (${file}${line === undefined ? '' : `:${line}:${column ?? 1}`})`);
  const more = problems.length > 8 ? `; and ${problems.length - 8} more` : '';
  const advice = problems.some((problem) => problem.wellFormed === false)
    ? ''
    : '. An SVG in a book may refer only to its own parts (`#id`) and pictures embedded in it';
  return `${listed.join('; ')}${more}${advice}`;
}

/** Replace an image that cannot be used by its description. */
function unavailable(img: Element): void {
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  img.tagName = 'span';
  img.properties = { className: ['image-unavailable'] };
  img.children = alt ? [{ type: 'text', value: `[${alt}]` }] : [];
}
