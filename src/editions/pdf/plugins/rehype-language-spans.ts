import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * Inline elements Chromium gives no structure element of their own in a tagged
 * PDF: their text joins the text of the element around them, and their `lang`
 * is lost. (Blocks, links, `em`, `strong`, `code`, `abbr`, `time` and a few
 * others get one, with `/Lang`.)
 */
const UNTAGGED_INLINE = new Set(['span', 'b', 'i', 'u', 'small', 'cite', 'q', 'kbd', 'samp', 'var', 'bdi', 'bdo', 'label', 'output']);

/**
 * Words in another language inside a line (`<span lang="fr">`) keep their
 * language in the PDF's tags, as PDF/UA asks (a screen reader then reads them
 * in that language): what such an element holds is wrapped, for the print
 * edition only, in a `<time>` with the same language (marked: `fr-x-glang`), an
 * element without any style of its own that Chromium tags as a structure element
 * (`NonStruct`) with `/Lang`. The element itself stays, so the house style's
 * selectors still meet it. The blocks of a `<div lang>` (Markdown between
 * `<div lang="de">` and `</div>`) take its language, marked, themselves.
 */
export function rehypeLanguageSpans() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const { lang } = node.properties;
      if (typeof lang !== 'string' || lang.trim() === '' || node.children.length === 0) return;
      // (Chromium writes `/Lang` only where an element's language is not its parent's: the mark makes it
      // another, and split-pieces.ts takes it out again.)
      const marked = `${lang}${/-x-/i.test(lang) ? '' : '-x'}-glang`;
      if (UNTAGGED_INLINE.has(node.tagName)) node.children = [h('time', { lang: marked }, node.children)];
      // A `<div>` of blocks is not tagged either (one holding text is): its blocks take its language.
      else if (node.tagName === 'div') {
        for (const child of node.children) if (child.type === 'element' && child.properties.lang === undefined) child.properties.lang = marked;
      }
    });
  };
}
