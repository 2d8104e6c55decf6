import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { v5 as uuidv5 } from 'uuid';
import type { VFile } from 'vfile';
import { Document } from 'yaml';
import { slugify } from '../shared/slug.js';
import type { WikiArticle } from './parse-wikitext.js';
import { stripWikiMarkup } from '../infobox/wiki-values.js';
import { articleToMdast } from './wiki-to-mdast.js';

/** Metadata of an imported book, from flags, the articles' header lines and their files. */
export interface BookMetadata {
  title: string;
  language: string;
  creator: readonly string[];
  publisher?: string | undefined;
  rights?: string | undefined;
  date: string;
  description?: string | undefined;
  subjects?: readonly string[] | undefined;
}

/** Namespace of Galley's name-based (v5) book identifiers. */
const GALLEY_NAMESPACE = 'a5b1c2d3-4e5f-5a6b-8c7d-9e0f1a2b3c4d';

/** A stable `urn:uuid` derived from the title, so re-importing gives the same id. */
export const identifierFor = (title: string): string => `urn:uuid:${uuidv5(title, GALLEY_NAMESPACE)}`;

/** The first sentence of a paragraph, for the book description. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?=\s+[A-Z"'“‘(]|$)/.exec(text.trim());
  return (match?.[1] ?? text).trim();
}

/** The description of a book: the first sentence of its first article's lead. */
export function leadSentence(article: WikiArticle): string | undefined {
  const lead = article.blocks.find((block) => block.kind === 'paragraph');
  return lead?.kind === 'paragraph' ? firstSentence(stripWikiMarkup(lead.text)) : undefined;
}

const yamlOptions = { lineWidth: 0, minContentWidth: 0 } as const;

/** The comment that points editors (yaml-language-server) at a JSON Schema. */
export const schemaComment = (schema: string): string => ` yaml-language-server: $schema=${schema}`;

/** `book.yaml` of an imported book. */
export function bookYaml(meta: BookMetadata, chapterPaths: readonly string[]): string {
  const data: Record<string, unknown> = {
    title: meta.title,
    language: meta.language,
    creator: meta.creator.length === 1 ? meta.creator[0] : [...meta.creator],
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    identifier: identifierFor(meta.title),
    date: meta.date,
    ...(meta.rights ? { rights: meta.rights } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.subjects && meta.subjects.length > 0 ? { subjects: [...meta.subjects] } : {}),
    trim: 'A5',
    chapters: [...chapterPaths],
  };
  const doc = new Document(data);
  doc.commentBefore = `${schemaComment('schemas/book.schema.json')}\n Publication metadata of this manuscript (see README: Manuscript format).`;
  return doc.toString(yamlOptions);
}

/** The chapter's Markdown: infobox front matter (pointing editors at its schema), the title, then the article. */
export function chapterMarkdown(article: WikiArticle, infobox: Record<string, unknown> | undefined, file: VFile): string {
  const body = toMarkdown(articleToMdast(article, file), { bullet: '-', extensions: [gfmToMarkdown()] });
  if (!infobox) return body;
  const front = new Document({ infobox }).toString(yamlOptions);
  return `---\n#${schemaComment('../schemas/chapter.schema.json')}\n${front}---\n\n${body}`;
}

/** `chapters/01-ar-rashid-revolt.md`, the number its place in the book. */
export const chapterPathFor = (title: string, index: number): string => `chapters/${String(index + 1).padStart(2, '0')}-${slugify(stripWikiMarkup(title))}.md`;
