import type { Heading, Image, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { warn } from '../../../shared/messages.js';
import { type Attributes, parseAttributes, trailingAttributes } from '../attributes.js';

/** A length a figure's width may be given in. */
const length = /^\d+(\.\d+)?(%|in|cm|mm|pt|px|em)$/;

/** A paragraph that is a table's caption starts so (Pandoc). */
const captionStart = /^(?:Table)?:\s+/;

/**
 * Attributes in Pandoc's syntax (`{#id .class key=value}`), read and taken out of
 * the text: after an image (`![Map](map.png){#fig-map width=50%}`), at the end of a
 * heading (`## Sources {#sec-sources}`), and at the end of a table's caption, a
 * paragraph right after or before the table that starts with `:` or `Table:`
 * (`: Strength of the units {#tbl-units}`), which is marked as the caption
 * (`data-galley-caption`; `rehype-figures` moves it into the table). Ids and
 * classes go to the element; `width` to an image (a length or a percentage of the
 * text width); `fig-alt` replaces an image's description when its bracket text is
 * its caption; `fig-pos` (`t`, `b`, `p`) places its figure at the top or foot of a
 * page or on a page of its own, as the classes `.top`, `.bottom` and `.page` do. Anything else is left out with a warning.
 */
export function remarkAttributes() {
  return (tree: Root, file: VFile) => {
    const properties = (node: Heading | Image | Paragraph, attributes: Attributes, place: Text) => {
      const props: Record<string, string | string[]> = {};
      if (attributes.id !== undefined) props.id = attributes.id;
      if (attributes.classes.length > 0) props.className = attributes.classes;
      for (const [key, value] of attributes.pairs) {
        if (node.type === 'image' && key === 'width' && length.test(value)) props.width = value;
        else if (node.type === 'image' && key === 'fig-alt') {
          // The bracket text is then the caption (when there is no title), `fig-alt` the description.
          node.title ??= node.alt ?? null;
          node.alt = value;
        } else if (node.type === 'image' && key === 'fig-pos' && /^!?[tbphH]$/.test(value)) {
          // Quarto's (LaTeX's) placements: top, bottom, a page of its own; `h` (here) is where it stands.
          const where = { t: 'top', b: 'bottom', p: 'page' }[value.replace('!', '') as 't' | 'b' | 'p'];
          if (where) props.className = [...((props.className as string[] | undefined) ?? []), where];
        } else if (node.type === 'image' && key === 'fig-pos')
          warn(
            file,
            'bad-attribute',
            `Expected \`fig-pos\` to be \`t\` (top of a page), \`b\` (foot of a page), \`p\` (a page of its own) or \`h\` (here), not \`${value}\``,
            place.position,
          );
        else if (node.type === 'image' && key === 'width')
          warn(file, 'bad-attribute', `Expected a width such as \`50%\`, \`8cm\` or \`3in\`, not \`${value}\`; the image keeps its own width`, place.position);
        else
          warn(
            file,
            'bad-attribute',
            `Unexpected attribute \`${key}\`: Galley reads \`#id\`, \`.class\`, and on images \`width\`, \`fig-alt\` and \`fig-pos\``,
            place.position,
          );
      }
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...props } };
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        const last = node.children[node.children.length - 1];
        const found = last?.type === 'text' ? trailingAttributes(last.value) : undefined;
        if (last?.type === 'text' && found) {
          last.value = found.before.trimEnd();
          if (last.value === '') node.children.pop();
          properties(node, found.attributes, last);
        }
        return SKIP;
      }
      if (node.type === 'image' && parent && index !== undefined) {
        const next = parent.children[index + 1] as PhrasingContent | undefined;
        const found = next?.type === 'text' ? parseAttributes(next.value) : undefined;
        if (next?.type === 'text' && found) {
          next.value = found.rest;
          if (next.value === '') parent.children.splice(index + 1, 1);
          properties(node, found.attributes, next);
        }
        return;
      }
      if (node.type === 'paragraph' && parent && index !== undefined) {
        const beside = [parent.children[index - 1], parent.children[index + 1]];
        const first = node.children[0];
        if (!beside.some((block) => block?.type === 'table') || first?.type !== 'text' || !captionStart.test(first.value)) return;
        first.value = first.value.replace(captionStart, '');
        const last = node.children[node.children.length - 1];
        const found = last?.type === 'text' ? trailingAttributes(last.value) : undefined;
        if (last?.type === 'text' && found) {
          last.value = found.before.trimEnd();
          properties(node, found.attributes, last);
        }
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataGalleyCaption: '' } };
        return SKIP;
      }
    });
  };
}
