/** YAML front matter at the top of a Markdown file, as remark-frontmatter reads it. */
export interface FrontMatter {
  /** The YAML text between the fences. */
  yaml: string;
  /** The 1-based line where the YAML starts. */
  line: number;
}

/**
 * Find front matter (`---` fenced) at the very start of a Markdown text: the YAML
 * and its first line, `'none'` when the text has none, `'unterminated'` when the
 * closing fence is missing.
 */
export function splitFrontMatter(text: string): FrontMatter | 'none' | 'unterminated' {
  if (!/^---[ \t]*\n/.test(text)) return 'none';
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return 'unterminated';
  const yaml = text.slice(text.indexOf('\n') + 1, 3 + close.index + 1);
  return { yaml, line: 2 };
}
