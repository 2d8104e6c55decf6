import path from 'node:path';
import { VFile } from 'vfile';
import { validateInfobox, type Infobox, type InfoboxTypes } from '../../infobox/validate-infobox.js';
import type { ChapterSource, Manuscript } from '../../model/book.js';
import { BookConfig } from '../../schema/book-config.js';
import { ChapterFrontMatter, type ChapterRole } from '../../schema/chapter-front-matter.js';
import { parseYaml } from '../../schema/parse-yaml.js';
import { validate } from '../../schema/validate.js';
import { fail, orThrow, throwIfFatal } from '../../shared/messages.js';
import { readText } from '../../shared/read-text.js';
import { slugOrEmpty } from '../../shared/slug.js';
import { splitFrontMatter } from './front-matter.js';
import { loadInfoboxTypes } from './load-infobox-types.js';
import { linksOutside } from './links-outside.js';
import { loadStyles } from './load-styles.js';
import { readingOrder } from './reading-order.js';

/** The name of the metadata file in a manuscript folder. */
export const CONFIG_FILE = 'book.yaml';

/**
 * Load a manuscript folder: read and validate `book.yaml`, then every chapter and
 * its front matter. Every problem in every file is reported on that file; if any
 * is an error, a `GalleyError` carrying all of them is thrown.
 */
export async function loadManuscript(root: string): Promise<Manuscript> {
  const configFile = new VFile({ path: path.join(root, CONFIG_FILE) });
  const { data, yaml } = orThrow(await loadConfig(configFile), [configFile]);
  const infoboxes = await loadInfoboxTypes(root);
  const styles = await loadStyles(root, data.styles ?? [], configFile, (index) => yaml.locate(['styles', index]));
  throwIfFatal([configFile, ...infoboxes.files, ...styles.map((sheet) => sheet.file)]);

  const seenPaths = new Map<string, number>();
  const seenIds = new Map<string, string>();
  const chapters: ChapterSource[] = [];
  /** Every file of the manuscript, in order, whether or not it could be used. */
  const files: VFile[] = [configFile, ...infoboxes.files, ...styles.map((sheet) => sheet.file)];
  for (const { relative, yamlPath, place: listedPlace } of readingOrder(data)) {
    const place = yaml.locate([...yamlPath]);
    const normalised = path.posix.normalize(relative.replace(/\\/g, '/'));
    if (seenPaths.has(normalised)) {
      fail(configFile, 'duplicate-chapter', `Unexpected duplicate chapter \`${relative}\`, it is listed already on line ${seenPaths.get(normalised)!}`, place);
      continue;
    }
    seenPaths.set(normalised, place.line);
    const file = new VFile({ path: path.join(root, relative) });
    if (await linksOutside(root, file.path)) {
      // Never read: a symbolic link would publish any file of the machine.
      fail(configFile, 'unsafe-path', `Refused chapter \`${relative}\`: it links to a file outside the manuscript folder`, place);
      continue;
    }
    const text = await readText(file);
    if (text === undefined && file.messages.some((m) => m.ruleId === 'not-found')) {
      // Reported where the chapter is listed: the file is not part of the book.
      fail(configFile, 'missing-chapter', `Cannot find chapter \`${relative}\` (paths are relative to \`${CONFIG_FILE}\`)`, place);
      continue;
    }
    files.push(file);
    const front = text === undefined ? undefined : loadFrontMatter(file, text, infoboxes.types);
    if (!front) continue;
    const id = front.id ?? idFromFileName(relative);
    const clash = seenIds.get(id);
    if (clash !== undefined) {
      fail(file, 'duplicate-chapter', `Unexpected duplicate chapter id \`${id}\`, already used by \`${clash}\`; set a distinct \`id\` in the front matter`);
      continue;
    }
    seenIds.set(id, relative);
    const { defaultRole, ...where } = listedPlace;
    chapters.push({ id, file, infobox: front.infobox, place: { ...where, role: front.role ?? defaultRole } });
  }
  throwIfFatal(files);
  return {
    root,
    configFile,
    config: data,
    locateConfig: (path) => yaml.locate(path),
    chapters,
    infoboxFiles: infoboxes.files,
    infoboxTypes: infoboxes.types,
    styles,
  };
}

/** Read and validate `book.yaml`; problems land on `file`. */
async function loadConfig(file: VFile) {
  const text = await readText(file);
  if (text === undefined) {
    const missing = file.messages.find((m) => m.ruleId === 'not-found');
    if (missing) missing.reason = `Cannot find \`${CONFIG_FILE}\`; a manuscript folder needs one (see \`galley import\` to make a manuscript)`;
    return undefined;
  }
  const yaml = parseYaml(file, text);
  if (!yaml) return undefined;
  const data = validate(BookConfig, yaml.data ?? {}, { file, yaml, subject: 'book metadata' });
  return data ? { data, yaml } : undefined;
}

/** A chapter's front matter, validated; `undefined` when it has problems (reported on `file`). */
function loadFrontMatter(
  file: VFile,
  text: string,
  types: InfoboxTypes,
): { id: string | undefined; role: ChapterRole | undefined; infobox: Infobox | undefined } | undefined {
  const split = splitFrontMatter(text);
  if (split === 'unterminated') {
    fail(file, 'malformed-yaml', 'Unterminated front matter, expected a closing `---` line');
    return undefined;
  }
  if (split === 'none') return { id: undefined, role: undefined, infobox: undefined };
  const yaml = parseYaml(file, split.yaml, split.line);
  if (!yaml) return undefined;
  const front = validate(ChapterFrontMatter, yaml.data ?? {}, { file, yaml, subject: 'front matter' });
  if (!front) return undefined;
  if (front.infobox === undefined) return { id: front.id, role: front.role, infobox: undefined };
  const infobox = validateInfobox(front.infobox, { file, yaml, base: ['infobox'], types });
  return infobox ? { id: front.id, role: front.role, infobox } : undefined;
}

/** `chapters/01-the-revolt.md` → `the-revolt`; `chapters/007.md` → `chapter-007`. */
export function idFromFileName(relative: string): string {
  const base = path.basename(relative, path.extname(relative));
  const rest = base.replace(/^\d+[-_ .]*/, '');
  const named = slugOrEmpty(rest);
  if (/^[a-z]/.test(named)) return named;
  return `chapter-${named || slugOrEmpty(base) || 'untitled'}`;
}
