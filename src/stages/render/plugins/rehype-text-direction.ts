import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { type Direction, textDirection } from '../../../shared/language.js';

/** Blocks whose text can run in the other direction than the book's. */
const blocks = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption']);

export interface TextDirectionOptions {
  /** The book's direction (from its language). */
  direction: Direction;
}

/**
 * Give a block whose text runs the other way than the book's its own `dir`, from
 * its first strong letter (as Unicode's bidi algorithm decides a paragraph's
 * direction): an Arabic paragraph in an English book is set right to left and
 * aligned right in every edition, an English one in an Arabic book left to right.
 */
export function rehypeTextDirection(options: TextDirectionOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!blocks.has(node.tagName) || node.properties.dir !== undefined) return;
      const direction = textDirection(textOf(node));
      if (direction !== undefined && direction !== options.direction) node.properties.dir = direction;
    });
  };
}
