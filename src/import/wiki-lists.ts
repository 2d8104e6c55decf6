/** One line of a list: how deep, what kind, its text. */
export interface ListLine {
  depth: number;
  ordered: boolean;
  /** The number of an ordered item as written (`3.` → 3). */
  number: number | undefined;
  text: string;
  line: number;
}

export interface WikiList {
  kind: 'list';
  ordered: boolean;
  start: number | undefined;
  items: WikiListItem[];
  line: number;
}

export interface WikiListItem {
  text: string;
  line: number;
  lists: WikiList[];
}

/**
 * A list line: `- a`, `* a`, `1. a`, `1) a` (nested by indenting two spaces) or the
 * wiki's own `* a`, `# a`, `** a`, `#* a` (nested by repeating the marker).
 */
export function listLine(tabbed: string, line: number): ListLine | undefined {
  // A tab indents as far as two spaces: one level.
  const raw = tabbed.replace(/^[\t ]+/, (indent) => indent.replace(/\t/g, '  '));
  const wiki = /^([*#]{2,}|#)\s*(\S.*)$/.exec(raw.trimEnd());
  if (wiki) return { depth: wiki[1]!.length - 1, ordered: wiki[1]!.endsWith('#'), number: undefined, text: wiki[2]!.trim(), line };
  const bullet = /^( *)[-*]\s+(\S.*)$/.exec(raw.trimEnd());
  if (bullet) return { depth: Math.floor(bullet[1]!.length / 2), ordered: false, number: undefined, text: bullet[2]!.trim(), line };
  const ordered = /^( *)(\d{1,9})[.)]\s+(\S.*)$/.exec(raw.trimEnd());
  if (ordered) return { depth: Math.floor(ordered[1]!.length / 2), ordered: true, number: Number(ordered[2]), text: ordered[3]!.trim(), line };
  return undefined;
}

/**
 * Consecutive list lines as lists: an item deeper than the one before opens a
 * list inside it; a change between ordered and unordered at the same depth starts
 * a new list. A first item deeper than the list's level is taken at that level.
 */
export function buildLists(lines: readonly ListLine[]): WikiList[] {
  const lists: WikiList[] = [];
  let i = 0;
  const build = (depth: number): WikiList => {
    const first = lines[i]!;
    const list: WikiList = { kind: 'list', ordered: first.ordered, start: first.ordered ? (first.number ?? 1) : undefined, items: [], line: first.line };
    while (i < lines.length) {
      const current = lines[i]!;
      const last = list.items[list.items.length - 1];
      if (current.depth > depth && last) {
        last.lists.push(build(current.depth));
        continue;
      }
      if (current.depth < depth || (list.items.length > 0 && current.ordered !== list.ordered)) break;
      list.items.push({ text: current.text, line: current.line, lists: [] });
      i++;
    }
    return list;
  };
  while (i < lines.length) lists.push(build(lines[i]!.depth));
  return lists;
}
