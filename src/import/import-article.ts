import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { GalleyError, throwIfFatal, warning } from '../core/messages.js';
import { writeAtomic } from '../core/write-atomic.js';
import { normaliseKey } from '../infobox/type.js';
import { readText } from '../manuscript/read-text.js';
import type { YamlPath } from '../schema/parse-yaml.js';
import { validate } from '../schema/validate.js';
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
export async function importArticle(file: string, meta: ImportMetadata): Promise<ImportResult> {
  const source = await readText(file);
  if (!source.ok) throw new GalleyError([source.message]);
  const { article, messages } = parseWikitext(source.text, file);
  throwIfFatal(messages);
  if (!article) throw new GalleyError(messages);

  let infobox: Record<string, unknown> | undefined;
  if (article.infobox) {
    const entries = article.infobox.entries.filter((e) => normaliseKey(e.key) !== 'type');
    const inferred = inferInfoboxType(article.infobox.entries, file);
    if (!inferred.type) throw new GalleyError([...messages, inferred.message!]);
    const type = inferred.type;
    const mapped = type.fromWiki(entries);
    for (const entry of mapped.unknown) {
      messages.push(warning({ file, reason: `Unknown ${type.name} infobox key \`${entry.key}\`; it was dropped (known keys: ${type.wikiKeys.join(', ')})`, ruleId: 'unknown-field', place: { line: entry.line, column: 1 } }));
    }
    const infoboxLine = article.infobox.line;
    const locate = (p: YamlPath) => {
      for (let n = p.length; n > 0; n--) {
        const line = mapped.lines[p.slice(0, n).join('.')];
        if (line !== undefined) return { line, column: 1 };
      }
      return { line: infoboxLine, column: 1 };
    };
    const checked = validate(type.schema, mapped.data, { file, yaml: { data: mapped.data, locate }, subject: 'infobox' });
    if (!checked.ok) throw new GalleyError([...messages, ...checked.messages]);
    infobox = mapped.data;
  }
  const chapterPath = chapterPathFor(article.title);
  return {
    files: [
      { path: 'book.yaml', content: bookYaml(article, chapterPath, meta) },
      { path: chapterPath, content: chapterMarkdown(article, infobox) },
    ],
    messages,
  };
}

/** Write imported files into a manuscript folder, each atomically. */
export async function writeManuscript(outDir: string, files: readonly ImportedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    await writeAtomic(target, file.content);
    written.push(target);
  }
  return written;
}
