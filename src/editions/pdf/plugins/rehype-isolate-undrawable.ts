import type { ElementContent, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

export interface IsolateUndrawableOptions {
  /** A running head's text as the fonts draw it (`drawableText`). */
  headText: (text: string) => string;
  /** The letters of a text the shipped fonts do not draw as written (their UTF-16 index and text, and a form they draw). */
  find: (text: string) => ReadonlyArray<{ index: number; cluster: string; drawnAs: string | undefined }>;
}

/** Elements whose text is not set in lines of HTML text. */
const NOT_PROSE = new Set(['svg', 'math', 'style', 'script', 'template', 'textarea']);

/**
 * A letter the fonts draw only composed (`g` + `◌̆` in code, which the other
 * editions keep as written: all other text is composed already) is set composed
 * (`ğ`). Each run of letters
 * no shipped font draws is set apart in a
 * `<span class="galley-no-glyph">` (print edition only), whose style makes it a
 * text run of its own (print.css). Chromium looks for a fallback font for a run's
 * missing characters by the first of them: when that one has no font, it gives
 * up on the run, and every other character of it that needed a fallback font
 * (`♠`, `℃`, `ﬁ` after a `‣`) printed as a box too. Set apart, only the letter
 * without a font is a box. A `<span>` has no structure element of its own in the
 * PDF's tags: the text stays in its paragraph. The running heads (the book's title,
 * `data-galley-title-head`, and the headings', `data-galley-head`), generated content, leave such letters out.
 */
export function rehypeIsolateUndrawable({ find, headText }: IsolateUndrawableOptions) {
  return (tree: Root) => {
    visit(tree, (node, position, parent) => {
      if (node.type === 'element') {
        const classes = (node.properties.className as string[] | undefined) ?? [];
        // (Set apart already: the document of another part, made from the same chapters.)
        if (NOT_PROSE.has(node.tagName) || classes.includes('galley-no-glyph')) return SKIP;
        // The running heads, generated content: what the fonts draw of them.
        if (classes.includes('book-title')) node.properties.dataGalleyTitleHead = headText(textOf(node));
        if (typeof node.properties.dataGalleyHead === 'string') node.properties.dataGalleyHead = headText(node.properties.dataGalleyHead);
        return;
      }
      if (node.type !== 'text' || !parent || position === undefined) return;
      const found = find(node.value);
      if (found.length === 0) return;
      const pieces: ElementContent[] = [];
      let at = 0;
      let index = 0;
      let text = '';
      while (index < found.length) {
        const letter = found[index]!;
        text += node.value.slice(at, letter.index);
        at = letter.index + letter.cluster.length;
        index++;
        if (letter.drawnAs !== undefined) {
          text += letter.drawnAs;
          continue;
        }
        // Letters side by side are one run.
        let apart = letter.cluster;
        while (index < found.length && found[index]!.index === at && found[index]!.drawnAs === undefined) {
          apart += found[index]!.cluster;
          at += found[index++]!.cluster.length;
        }
        if (text) pieces.push({ type: 'text', value: text });
        pieces.push(h('span', { className: ['galley-no-glyph'] }, apart));
        text = '';
      }
      text += node.value.slice(at);
      if (text) pieces.push({ type: 'text', value: text });
      // (In a link, one box of its own: the contents' links lay out what they hold as flex items, which lose the
      // spaces at their edges.)
      const inLink = parent.type === 'element' && parent.tagName === 'a';
      (parent.children as ElementContent[]).splice(position, 1, ...(inLink ? [h('span', pieces)] : pieces));
      // (Not into the new spans: their letters are what was found.)
      return position + (inLink ? 1 : pieces.length);
    });
  };
}
