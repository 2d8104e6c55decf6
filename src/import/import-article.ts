import { join } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { normaliseKey } from '../infobox/infobox-type.js';
import type { YamlPath } from '../schema/parse-yaml.js';
import { validate } from '../schema/validate.js';
import { messagesOf, orThrow, throwIfFatal, warn } from '../shared/messages.js';
import { readText } from '../shared/read-text.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { inferInfoboxType } from './infer-type.js';
import { parseWikitext } from './parse-wikitext.js';
import { bookYaml, chapterMarkdown, chapterPathFor, type ImportMetadata } from './to-manuscript.js';

export interface ImportedFile {
  /** Path relative to the manuscript folder. */
  path: string;
  content: string;
}

export interface ImportResult {
  files: ImportedFile[];
  messages: VFileMessage[];
}

/**
 * Convert a wiki-text article into a Galley manuscript (`book.yaml` and one
 * chapter whose front matter holds the typed infobox). Pure: nothing is written.
 * Problems are thrown as a `GalleyError` located in the article.
 */
export async function importArticle(path: string, meta: ImportMetadata): Promise<ImportResult> {
  const file = new VFile({ path });
  const text = await readText(file);
  const article = orThrow(text === undefined ? undefined : parseWikitext(file, text), [file]);

  let infobox: Record<string, unknown> | undefined;
  if (article.infobox) {
    const entries = article.infobox.entries.filter((e) => normaliseKey(e.key) !== 'type');
    const type = orThrow(inferInfoboxType(file, article.infobox.entries), [file]);
    const mapped = type.fromWiki(entries);
    for (const entry of mapped.unknown) {
      warn(file, 'unknown-field', `Unknown ${type.name} infobox key \`${entry.key}\`; it was dropped (known keys: ${type.wikiKeys.join(', ')})`, {
        line: entry.line,
        column: 1,
      });
    }
    const infoboxLine = article.infobox.line;
    const locate = (p: YamlPath) => {
      for (let n = p.length; n > 0; n--) {
        const line = mapped.lines[p.slice(0, n).join('.')];
        if (line !== undefined) return { line, column: 1 };
      }
      return { line: infoboxLine, column: 1 };
    };
    validate(type.schema, mapped.data, { file, yaml: { data: mapped.data, locate }, subject: 'infobox' });
    throwIfFatal([file]);
    infobox = mapped.data;
  }
  const chapterPath = chapterPathFor(article.title);
  return {
    files: [
      { path: 'book.yaml', content: bookYaml(article, chapterPath, meta) },
      { path: chapterPath, content: chapterMarkdown(article, infobox) },
    ],
    messages: messagesOf([file]),
  };
}

/** Write imported files into a manuscript folder, each atomically. */
export async function writeManuscript(outDir: string, files: readonly ImportedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = join(outDir, file.path);
    await writeAtomic(target, file.content);
    written.push(target);
  }
  return written;
}
