import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

export interface IsolateUndrawableOptions {
  /** The letters of a text no shipped font draws (their UTF-16 index and text). */
  find: (text: string) => ReadonlyArray<{ index: number; cluster: string }>;
}

/** Elements whose text is not set in lines of HTML text. */
const NOT_PROSE = new Set(['svg', 'math', 'style', 'script', 'template', 'textarea']);

/**
 * Each run of letters no shipped font draws is set apart in a
 * `<span class="galley-no-glyph">` (print edition only), whose style makes it a
 * text run of its own (print.css). Chromium looks for a fallback font for a run's
 * missing characters by the first of them: when that one has no font, it gives
 * up on the run, and every other character of it that needed a fallback font
 * (`♠`, `℃`, `ﬁ` after a `‣`) printed as a box too. Set apart, only the letter
 * without a font is a box. A `<span>` has no structure element of its own in the
 * PDF's tags: the text stays in its paragraph.
 */
export function rehypeIsolateUndrawable({ find }: IsolateUndrawableOptions) {
  return (tree: Root) => {
    visit(tree, (node, position, parent) => {
      if (node.type === 'element' && NOT_PROSE.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || position === undefined) return;
      const found = find(node.value);
      if (found.length === 0) return;
      const pieces: ElementContent[] = [];
      let at = 0;
      let index = 0;
      while (index < found.length) {
        const start = found[index]!.index;
        let end = start;
        // Letters side by side are one run.
        while (index < found.length && found[index]!.index === end) end += found[index++]!.cluster.length;
        if (start > at) pieces.push({ type: 'text', value: node.value.slice(at, start) });
        pieces.push(h('span', { className: ['galley-no-glyph'] }, node.value.slice(start, end)));
        at = end;
      }
      if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
      (parent.children as ElementContent[]).splice(position, 1, ...pieces);
      // (Not into the new spans: their letters are what was found.)
      return position + pieces.length;
    });
  };
}
