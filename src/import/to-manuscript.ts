import type { Content, Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { v5 as uuidv5 } from 'uuid';
import { Document } from 'yaml';
import { slugify } from '../shared/slug.js';
import type { WikiArticle } from './parse-wikitext.js';

/** Metadata the wiki text does not carry; given on the command line. */
export interface ImportMetadata {
  language: string;
  creator: readonly string[];
  publisher?: string | undefined;
  rights?: string | undefined;
  date?: string | undefined;
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

const yamlOptions = { lineWidth: 0, minContentWidth: 0 } as const;

/** `book.yaml` for an imported article. */
export function bookYaml(article: WikiArticle, chapterPath: string, meta: ImportMetadata): string {
  const lead = article.blocks.find((block) => block.kind === 'paragraph');
  const data: Record<string, unknown> = {
    title: article.title,
    language: meta.language,
    creator: meta.creator.length === 1 ? meta.creator[0] : [...meta.creator],
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    identifier: identifierFor(article.title),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.rights ? { rights: meta.rights } : {}),
    ...(lead?.kind === 'paragraph' ? { description: firstSentence(lead.text) } : {}),
    ...(meta.subjects && meta.subjects.length > 0 ? { subjects: [...meta.subjects] } : {}),
    trim: 'A5',
    chapters: [chapterPath],
  };
  const doc = new Document(data);
  doc.commentBefore = ' Publication metadata of this manuscript (see README: Manuscript format).';
  return doc.toString(yamlOptions);
}

/** The chapter's Markdown: infobox front matter, the title, then the article. */
export function chapterMarkdown(article: WikiArticle, infobox: Record<string, unknown> | undefined): string {
  const tree: Root = { type: 'root', children: [] };
  const text = (value: string) => ({ type: 'text' as const, value });
  tree.children.push({ type: 'heading', depth: 1, children: [text(article.title)] });
  for (const block of article.blocks) {
    let node: Content;
    if (block.kind === 'heading') node = { type: 'heading', depth: Math.min(6, block.depth) as 2, children: [text(block.text)] };
    else if (block.kind === 'paragraph') node = { type: 'paragraph', children: [text(block.text)] };
    else {
      node = {
        type: 'list',
        ordered: false,
        spread: false,
        children: block.items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(item)] }] })),
      };
    }
    tree.children.push(node);
  }
  const body = toMarkdown(tree, { bullet: '-', extensions: [gfmToMarkdown()] });
  if (!infobox) return body;
  const front = new Document({ infobox }).toString(yamlOptions);
  return `---\n${front}---\n\n${body}`;
}

/** `chapters/01-ar-rashid-revolt.md` */
export const chapterPathFor = (title: string): string => `chapters/01-${slugify(title)}.md`;
