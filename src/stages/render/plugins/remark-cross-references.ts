import type { Link, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/** A cross-reference: `@fig-…`, `@tbl-…` or `@sec-…`, not inside a word or an address, ending in a letter or digit. */
const reference = /(?<![\p{L}\p{N}_@\\.])@((fig|tbl|sec)-[\p{L}\p{N}_:.-]*[\p{L}\p{N}_])/gu;

/** The kinds of things a cross-reference names, by the start of their ids (Quarto's). */
export type CrossReferenceKind = 'fig' | 'tbl' | 'sec';

/**
 * Cross-references in Quarto's syntax: `@fig-map`, `@tbl-units`, `@sec-sources` in
 * the text become links to the id (`#fig-map`) marked `data-galley-xref` with
 * their kind; `crossReferences` gives them their text ("Figure 3") once the whole
 * book is numbered. Not in code, links or addresses (`a@fig-x.org`); `\@fig-x` is
 * the text itself.
 */
export function remarkCrossReferences() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'definition') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('@')) return;
      const pieces = split(node, source);
      if (pieces.length === 1) return;
      parent.children.splice(index, 1, ...(pieces as Text[]));
      return [SKIP, index + pieces.length];
    });
  };
}

/** `text` as text and links, one for each cross-reference in it. */
function split(text: Text, source: string): Array<Text | Link> {
  const start = text.position?.start;
  const end = text.position?.end;
  // The text as written, to tell `\@fig-x` (the escape is gone from the value).
  const written = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : undefined;
  const pieces: Array<Text | Link> = [];
  let last = 0;
  let searchFrom = 0;
  for (const match of text.value.matchAll(reference)) {
    const [all, id, kind] = match;
    if (written !== undefined) {
      const at = written.indexOf(all, searchFrom);
      searchFrom = at === -1 ? searchFrom : at + all.length;
      if (at > 0 && written[at - 1] === '\\') continue;
    }
    if (match.index > last) pieces.push({ type: 'text', value: text.value.slice(last, match.index) });
    const place = start ? pointAfter(start, text.value.slice(0, match.index)) : undefined;
    const link: Link = {
      type: 'link',
      url: `#${id}`,
      children: [{ type: 'text', value: id! }],
      data: { hProperties: { dataGalleyXref: kind! } },
    };
    if (place) link.position = { start: place, end: pointAfter(place, all) };
    pieces.push(link);
    last = match.index + all.length;
  }
  if (last === 0) return [text];
  if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
  return pieces;
}

/** The point `text` further on from `point` (lines and columns; offsets as far as the text is as written). */
function pointAfter(point: Point, text: string): Point {
  const lines = text.split('\n');
  const line = point.line + lines.length - 1;
  const column = lines.length === 1 ? point.column + text.length : lines[lines.length - 1]!.length + 1;
  return { line, column, ...(point.offset === undefined ? {} : { offset: point.offset + text.length }) };
}
