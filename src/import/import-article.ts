import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { jsonSchemas, SCHEMA_FOLDER } from '../editor/json-schemas.js';
import { builtinInfoboxTypes } from '../infobox/builtin-types.js';
import { normaliseKey } from '../infobox/infobox-type.js';
import type { InfoboxTypes } from '../infobox/validate-infobox.js';
import type { YamlPath } from '../schema/parse-yaml.js';
import { validate } from '../schema/validate.js';
import { fail, messagesOf, throwIfFatal, warn } from '../shared/messages.js';
import { readText } from '../shared/read-text.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { inferInfoboxType } from './infer-type.js';
import { parseWikitext, type WikiArticle } from './parse-wikitext.js';
import { bookYaml, chapterMarkdown, chapterPathFor, leadSentence } from './to-manuscript.js';

export interface ImportedFile {
  /** Path relative to the manuscript folder. */
  path: string;
  content: string;
}

export interface ImportResult {
  files: ImportedFile[];
  messages: VFileMessage[];
}

/** What the command line says of the book; each field overrides what the articles say. */
export interface ImportMetadata {
  /** The book's title (default: the first article's). */
  title?: string | undefined;
  language?: string | undefined;
  creator?: readonly string[] | undefined;
  publisher?: string | undefined;
  rights?: string | undefined;
  /** YYYY-MM-DD (default: the articles' `Date:` line, else the newest file's modification day). */
  date?: string | undefined;
  subjects?: readonly string[] | undefined;
  /** The infobox types to map infoboxes onto (default: Galley's). */
  types?: InfoboxTypes | undefined;
}

interface Parsed {
  file: VFile;
  article: WikiArticle;
  infobox: Record<string, unknown> | undefined;
}

/** An article read, parsed, and its infobox mapped onto a type and validated; problems land on its file. */
async function readArticle(file: VFile, types: InfoboxTypes): Promise<Parsed | undefined> {
  const text = await readText(file);
  const article = text === undefined ? undefined : parseWikitext(file, text);
  if (!article) return undefined;
  if (!article.infobox) return { file, article, infobox: undefined };
  const entries = article.infobox.entries.filter((e) => normaliseKey(e.key) !== 'type');
  const type = inferInfoboxType(file, article.infobox.entries, types);
  const mapped = type.fromWiki(entries);
  for (const { entry, reason } of mapped.rejected)
    warn(file, 'unknown-field', `${reason} (it takes: ${type.wikiKeys.join(', ')})`, { line: entry.line, column: 1 });
  const infoboxLine = article.infobox.line;
  const locate = (p: YamlPath) => {
    for (let n = p.length; n > 0; n--) {
      const line = mapped.lines[p.slice(0, n).join('.')];
      if (line !== undefined) return { line, column: 1 };
    }
    return { line: infoboxLine, column: 1 };
  };
  const valid = validate(type.schema, mapped.data, { file, yaml: { data: mapped.data, locate }, subject: 'infobox' });
  return valid === undefined ? undefined : { file, article, infobox: mapped.data };
}

/** The day a file was last changed (UTC), or nothing for a clock at zero. */
async function modifiedDay(path: string): Promise<string | undefined> {
  const time = (await stat(path)).mtime;
  return time.getUTCFullYear() > 1970 ? time.toISOString().slice(0, 10) : undefined;
}

const unique = (lists: ReadonlyArray<readonly string[] | undefined>): string[] => [...new Set(lists.flatMap((list) => list ?? []))];

/**
 * Convert wiki-text articles into one Galley manuscript: `book.yaml`, one chapter
 * per article (its infobox mapped onto a declared type, or a generic box), and the
 * JSON Schemas editors check them with. Pure: nothing is written. Problems are
 * thrown as a `GalleyError` located in the articles; warnings are returned.
 */
export async function importArticles(paths: readonly string[], meta: ImportMetadata = {}): Promise<ImportResult> {
  const types = meta.types ?? (await builtinInfoboxTypes());
  const parsed: Parsed[] = [];
  const files = paths.map((path) => new VFile({ path }));
  for (const file of files) {
    const result = await readArticle(file, types);
    if (result) parsed.push(result);
  }
  throwIfFatal(files);
  const first = parsed[0]!;
  const creator = meta.creator ?? unique(parsed.map((p) => p.article.meta.authors));
  if (creator.length === 0)
    warn(first.file, 'missing-field', 'No author given: the creator is written as `Anonymous`; pass `--creator` or add an `Author:` line after the title');
  const date =
    meta.date ??
    parsed
      .map((p) => p.article.meta.date)
      .filter((d) => d !== undefined)
      .sort()
      .at(-1) ??
    (await newestDay(paths));
  if (date === undefined) fail(first.file, 'missing-field', "Cannot tell the book's date (the file has no modification time); pass `--date YYYY-MM-DD`");
  const language = meta.language ?? first.article.meta.language ?? 'en';
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language)) {
    fail(first.file, 'bad-value', `Expected a BCP 47 language tag such as \`en\` or \`en-GB\`, not \`${language}\``);
  }
  throwIfFatal(files);
  const slugs = new Set<string>();
  const chapters = parsed.map((p, index) => {
    let path = chapterPathFor(p.article.title, index);
    for (let n = 2; slugs.has(path.replace(/^chapters\/\d+-/, '')); n++) path = chapterPathFor(`${p.article.title} ${n}`, index);
    slugs.add(path.replace(/^chapters\/\d+-/, ''));
    return { path, content: chapterMarkdown(p.article, p.infobox, p.file) };
  });
  const book = bookYaml(
    {
      title: meta.title ?? first.article.title,
      language,
      creator: creator.length > 0 ? creator : ['Anonymous'],
      publisher: meta.publisher ?? first.article.meta.publisher,
      rights: meta.rights ?? first.article.meta.rights,
      date: date!,
      description: leadSentence(first.article),
      subjects: meta.subjects ?? unique(parsed.map((p) => p.article.meta.subjects)),
    },
    chapters.map((c) => c.path),
  );
  const schemas = [...jsonSchemas(types)].map(([name, content]) => ({ path: `${SCHEMA_FOLDER}/${name}`, content }));
  return { files: [{ path: 'book.yaml', content: book }, ...chapters, ...schemas], messages: messagesOf(files) };
}

async function newestDay(paths: readonly string[]): Promise<string | undefined> {
  const days = await Promise.all(paths.map(modifiedDay));
  return days
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
}

/** One article as a manuscript (see `importArticles`). */
export const importArticle = (path: string, meta: ImportMetadata = {}): Promise<ImportResult> => importArticles([path], meta);

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
