/** YAML front matter at the top of a Markdown file, as remark-frontmatter reads it. */
export interface FrontMatter {
  /** The YAML text between the fences. */
  yaml: string;
  /** The 1-based line where the YAML starts. */
  line: number;
}

export type FrontMatterResult = { ok: true; frontMatter: FrontMatter | undefined } | { ok: false; line: number };

/** Find front matter (`---` fenced) at the very start of a Markdown text. */
export function splitFrontMatter(text: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, frontMatter: undefined };
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return { ok: false, line: 1 };
  const yaml = text.slice(text.indexOf('\n') + 1, 3 + close.index + 1);
  return { ok: true, frontMatter: { yaml, line: 2 } };
}
