/** Attributes written in Pandoc's syntax, `{#id .class key=value key="a value"}`. */
export interface Attributes {
  id: string | undefined;
  classes: string[];
  /** Other attributes, in the order written. */
  pairs: Array<[key: string, value: string]>;
}

/** One attribute: `#id`, `.class`, `key=value`, `key="…"` or `key='…'`, each after white space. */
const item = /\s*(?:#([\p{L}_][\p{L}\p{N}_:.-]*)|\.([\p{L}_-][\p{L}\p{N}_-]*)|([\p{L}_][\p{L}\p{N}_-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))/uy;

/**
 * The attributes of a block written at the start of `text` (`{#fig-map width=50%}`),
 * and the text after them; `undefined` when `text` does not start with a block
 * that reads as attributes (`{` alone, `{1, 2}`, an unclosed `{#a`).
 */
export function parseAttributes(text: string): { attributes: Attributes; rest: string; length: number } | undefined {
  if (!text.startsWith('{')) return undefined;
  const attributes: Attributes = { id: undefined, classes: [], pairs: [] };
  let at = 1;
  for (;;) {
    item.lastIndex = at;
    const match = item.exec(text);
    if (!match) break;
    at = item.lastIndex;
    const [, id, className, key, double, single, bare] = match;
    if (id !== undefined) attributes.id = id;
    else if (className !== undefined) attributes.classes.push(className);
    else attributes.pairs.push([key!, double ?? single ?? bare ?? '']);
  }
  const close = /\s*\}/y;
  close.lastIndex = at;
  if (!close.exec(text) || at === 1) return undefined;
  return { attributes, rest: text.slice(close.lastIndex), length: close.lastIndex };
}

/** The attributes at the end of `text` (`Caption {#tbl-x}`), and the text before them. */
export function trailingAttributes(text: string): { attributes: Attributes; before: string } | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  for (let open = trimmed.lastIndexOf('{'); open >= 0; open = trimmed.lastIndexOf('{', open - 1)) {
    const parsed = parseAttributes(trimmed.slice(open));
    if (parsed && parsed.rest === '') return { attributes: parsed.attributes, before: trimmed.slice(0, open) };
  }
  return undefined;
}
