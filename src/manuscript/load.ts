import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { BookConfig, ChapterFrontMatter } from '../config/schema.js';
import { error, GalleyError, throwIfFatal } from '../core/messages.js';
import { validateInfobox, type Infobox } from '../infobox/validate-infobox.js';
import { parseYaml } from '../schema/parse-yaml.js';
import { validate } from '../schema/validate.js';
import { slugOrEmpty } from '../core/slug.js';
import { splitFrontMatter } from './front-matter.js';
import { readText } from './read-text.js';
import type { Chapter, Manuscript } from './types.js';

/** The name of the metadata file in a manuscript folder. */
export const CONFIG_FILE = 'book.yaml';

/**
 * Load a manuscript folder: read and validate `book.yaml`, then every chapter and
 * its front matter. Every problem in every file is collected; if any is an error,
 * a `GalleyError` carrying all of them is thrown.
 */
export async function loadManuscript(root: string): Promise<{ manuscript: Manuscript; messages: VFileMessage[] }> {
  const configFile = path.join(root, CONFIG_FILE);
  const messages: VFileMessage[] = [];
  const source = await readText(configFile);
  if (!source.ok) {
    if (source.message.ruleId === 'not-found') source.message.reason = `Cannot find \`${CONFIG_FILE}\`; a manuscript folder needs one (see \`galley import\` to make a manuscript)`;
    throw new GalleyError([source.message]);
  }
  const parsed = parseYaml(source.text, configFile);
  if (!parsed.ok) throw new GalleyError(parsed.messages);
  const config = validate(BookConfig, parsed.yaml.data ?? {}, { file: configFile, yaml: parsed.yaml, subject: 'book metadata' });
  if (!config.ok) throw new GalleyError(config.messages);

  const seenPaths = new Map<string, number>();
  const seenIds = new Map<string, string>();
  const chapters: Chapter[] = [];
  for (const [index, relative] of config.output.chapters.entries()) {
    const place = parsed.yaml.locate(['chapters', index]);
    const normalised = path.posix.normalize(relative.replace(/\\/g, '/'));
    if (seenPaths.has(normalised)) {
      messages.push(error({ file: configFile, reason: `Unexpected duplicate chapter \`${relative}\`, it is listed already as item ${seenPaths.get(normalised)! + 1}`, ruleId: 'duplicate-chapter', place }));
      continue;
    }
    seenPaths.set(normalised, index);
    const file = path.join(root, relative);
    const text = await readText(file);
    if (!text.ok) {
      if (text.message.ruleId === 'not-found') {
        messages.push(error({ file: configFile, reason: `Cannot find chapter \`${relative}\` (paths are relative to \`${CONFIG_FILE}\`)`, ruleId: 'missing-chapter', place }));
      } else messages.push(text.message);
      continue;
    }
    const chapter = loadChapter(file, text.text, messages);
    if (!chapter) continue;
    const id = chapter.id ?? idFromFileName(relative);
    const clash = seenIds.get(id);
    if (clash !== undefined) {
      messages.push(error({ file, reason: `Unexpected duplicate chapter id \`${id}\`, already used by \`${clash}\`; set a distinct \`id\` in the front matter`, ruleId: 'duplicate-chapter', place: { line: 1, column: 1 } }));
      continue;
    }
    seenIds.set(id, relative);
    chapters.push({ id, file: new VFile({ path: file, value: text.text }), infobox: chapter.infobox });
  }
  throwIfFatal(messages);
  return { manuscript: { root, configFile, config: config.output, chapters }, messages };
}

function loadChapter(file: string, text: string, messages: VFileMessage[]): { id: string | undefined; infobox: Infobox | undefined } | undefined {
  const split = splitFrontMatter(text);
  if (!split.ok) {
    messages.push(error({ file, reason: 'Unterminated front matter, expected a closing `---` line', ruleId: 'malformed-yaml', place: { line: split.line, column: 1 } }));
    return undefined;
  }
  if (!split.frontMatter) return { id: undefined, infobox: undefined };
  const parsed = parseYaml(split.frontMatter.yaml, file, split.frontMatter.line);
  if (!parsed.ok) {
    messages.push(...parsed.messages);
    return undefined;
  }
  const front = validate(ChapterFrontMatter, parsed.yaml.data ?? {}, { file, yaml: parsed.yaml, subject: 'front matter' });
  if (!front.ok) {
    messages.push(...front.messages);
    return undefined;
  }
  let infobox: Infobox | undefined;
  if (front.output.infobox !== undefined) {
    const result = validateInfobox(front.output.infobox, { file, yaml: parsed.yaml, base: ['infobox'] });
    if (!result.ok) {
      messages.push(...result.messages);
      return undefined;
    }
    infobox = result.infobox;
  }
  return { id: front.output.id, infobox };
}

/** `chapters/01-the-revolt.md` → `the-revolt`; `chapters/007.md` → `chapter-007`. */
export function idFromFileName(relative: string): string {
  const base = path.basename(relative, path.extname(relative));
  const rest = base.replace(/^\d+[-_ .]*/, '');
  const named = slugOrEmpty(rest);
  if (/^[a-z]/.test(named)) return named;
  return `chapter-${named || slugOrEmpty(base) || 'untitled'}`;
}
