import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { StyleResource, StyleSheet } from '../../model/book.js';
import { fail } from '../../shared/messages.js';
import { readText } from '../../shared/read-text.js';
import { isOutside } from '../../shared/outside-folder.js';
import { decodeUriPart } from '../../shared/uri.js';
import { linksOutside } from './links-outside.js';
import { linkResources, sanitiseCss } from './sanitise-css.js';

/** What a style sheet may name, by extension, with the bytes such a file starts with. */
const RESOURCE_TYPES: Record<string, { mediaType: string; magic: (bytes: Uint8Array) => boolean }> = {
  woff2: { mediaType: 'font/woff2', magic: (b) => ascii(b, 0, 4) === 'wOF2' },
  woff: { mediaType: 'font/woff', magic: (b) => ascii(b, 0, 4) === 'wOFF' },
  ttf: { mediaType: 'font/ttf', magic: (b) => ascii(b, 0, 4) === 'true' || (b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) },
  otf: { mediaType: 'font/otf', magic: (b) => ascii(b, 0, 4) === 'OTTO' },
  png: { mediaType: 'image/png', magic: (b) => ascii(b, 1, 4) === 'PNG' },
  jpg: { mediaType: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  jpeg: { mediaType: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  gif: { mediaType: 'image/gif', magic: (b) => ascii(b, 0, 3) === 'GIF' },
};

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The largest file a style sheet may name. */
const MAX_RESOURCE_BYTES = 16 * 1024 * 1024;

/**
 * Read the author's style sheets (`styles` in `book.yaml`, relative to it): each
 * parsed and kept to the manuscript (`sanitiseCss`), the fonts and images it names
 * read from the manuscript folder. Problems land on the sheet's file at their
 * place, or on `book.yaml` where a sheet is listed.
 */
export async function loadStyles(
  root: string,
  paths: readonly string[],
  configFile: VFile,
  placeOf: (index: number) => { line: number; column: number } | undefined,
): Promise<StyleSheet[]> {
  const sheets: StyleSheet[] = [];
  for (const [index, relative] of paths.entries()) {
    const file = new VFile({ path: path.join(root, relative) });
    if (await linksOutside(root, file.path)) {
      fail(configFile, 'unsafe-path', `Refused style sheet \`${relative}\`: it links to a file outside the manuscript folder`, placeOf(index));
      continue;
    }
    const text = await readText(file);
    if (text === undefined && file.messages.some((m) => m.ruleId === 'not-found')) {
      fail(configFile, 'not-found', `Cannot find style sheet \`${relative}\` (paths are relative to \`book.yaml\`)`, placeOf(index));
      continue;
    }
    if (text === undefined) {
      sheets.push({ file, css: '', resources: [] });
      continue;
    }
    const { ast, references } = sanitiseCss(file, text);
    const resources: StyleResource[] = [];
    const indexOf = new Map<string, number>();
    for (const reference of references) {
      const target = path.resolve(path.dirname(file.path), decodeUriPart(reference.href.replace(/[?#].*$/, '')));
      const inManuscript = path.relative(root, target).split(path.sep).join('/');
      if (indexOf.has(reference.href)) continue;
      const resource = await readResource(file, reference.href, target, inManuscript, root, reference.place);
      if (resource) {
        indexOf.set(reference.href, resources.length);
        resources.push(resource);
      }
    }
    const css = linkResources(ast, (href) => indexOf.get(href));
    sheets.push({ file, css, resources });
  }
  return sheets;
}

async function readResource(
  file: VFile,
  href: string,
  target: string,
  inManuscript: string,
  root: string,
  place: { line: number; column: number },
): Promise<StyleResource | undefined> {
  if (isOutside(inManuscript) || (await linksOutside(root, target))) {
    fail(file, 'unsafe-style', `Refused \`${href}\`: it is outside the manuscript folder`, place);
    return undefined;
  }
  const extension = path.extname(target).slice(1).toLowerCase();
  const type = RESOURCE_TYPES[extension];
  if (!type) {
    fail(file, 'unsafe-style', `Refused \`${href}\`: a style sheet may name fonts (WOFF2, WOFF, TTF, OTF) and images (PNG, JPEG, GIF)`, place);
    return undefined;
  }
  const size = await stat(target).then(
    (s) => (s.isFile() ? s.size : -1),
    () => undefined,
  );
  if (size === undefined || size < 0) {
    fail(file, 'not-found', `Cannot find \`${href}\` (paths in a style sheet are relative to it)`, place);
    return undefined;
  }
  if (size > MAX_RESOURCE_BYTES) {
    fail(file, 'too-large', `\`${href}\` is ${(size / 1024 / 1024).toFixed(1)} MiB, the limit is ${MAX_RESOURCE_BYTES / 1024 / 1024} MiB`, place);
    return undefined;
  }
  const data = new Uint8Array(await readFile(target));
  if (!type.magic(data)) {
    fail(file, 'unsafe-style', `Refused \`${href}\`: it is not a ${extension.toUpperCase()} file`, place);
    return undefined;
  }
  return { path: inManuscript, mediaType: type.mediaType, data };
}
