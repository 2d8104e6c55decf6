import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';
const isElement = (node: ElementContent | undefined, tagName: string): node is Element => node?.type === 'element' && node.tagName === tagName;

/**
 * Figures and table captions, on the sanitised tree:
 * - an image alone in its paragraph becomes a `<figure>`: its title (`![Map](map.png
 *   "Baghdad in 1963")`) is the caption; an image with a `fig-` id and no title is
 *   captioned with its description (Quarto's way). The image's id and classes go
 *   to the figure, as does its width;
 * - a `width` given as a length or percentage (`{width=50%}`) becomes a style;
 * - a paragraph marked as a table's caption (`remarkAttributes`) becomes the
 *   `<caption>` of the table beside it, and its id the table's.
 */
export function rehypeFigures() {
  return (tree: Root) => {
    // A width given as a length or a percentage is a style (the attribute holds pixels only).
    visit(tree, 'element', (node) => {
      const { width } = node.properties;
      if (node.tagName !== 'img' || typeof width !== 'string' || /^\d+$/.test(width)) return;
      delete node.properties.width;
      node.properties.style = `width: ${width}`;
    });
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      if (node.properties.dataGalleyCaption !== undefined) {
        delete node.properties.dataGalleyCaption;
        const siblings = parent.children as ElementContent[];
        const after = siblings.slice(index + 1).find((child) => !isBlank(child));
        const before = siblings
          .slice(0, index)
          .reverse()
          .find((child) => !isBlank(child));
        const table = isElement(after, 'table') ? after : isElement(before, 'table') ? before : undefined;
        if (!table) return;
        const { id, ...rest } = node.properties;
        if (typeof id === 'string') table.properties.id = id;
        table.properties.className = [...((table.properties.className as string[] | undefined) ?? []), 'captioned'];
        table.children.unshift({ type: 'element', tagName: 'caption', properties: rest, children: node.children, position: node.position });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const content = node.children.filter((child) => !isBlank(child));
      const image = content[0];
      if (content.length !== 1 || !isElement(image, 'img')) return;
      const { id, className, title, style, ...imageProperties } = image.properties;
      const caption =
        typeof title === 'string' && title.trim() !== '' ? title : typeof id === 'string' && id.startsWith('fig-') ? image.properties.alt : undefined;
      image.properties = imageProperties;
      const children: ElementContent[] = [image];
      if (typeof caption === 'string' && caption.trim() !== '') {
        children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
      }
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        // The figure takes the image's width, and its caption wraps within it.
        properties: { ...(id === undefined ? {} : { id }), ...(className === undefined ? {} : { className }), ...(style === undefined ? {} : { style }) },
        children,
        position: node.position,
      };
      return SKIP;
    });
  };
}
