import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../../../shared/messages.js';

/** Elements that hold phrasing content only. */
const phrasing = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** Elements that are blocks: never inside a phrasing element. */
const blocks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'figure',
  'figcaption',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/**
 * Raw HTML that leaves an inline element open (`a<b>c` in a paragraph) makes the
 * HTML parser carry it on around the following paragraphs, lists and headings: a
 * `<b>` holding blocks, which no XHTML reading system accepts. Such an element is
 * taken out (its content kept) with a warning at its place.
 */
export function rehypeRepairNesting() {
  return (tree: Root, file: VFile) => {
    const repair = (parent: Root | Element) => {
      const children: Array<RootContent | ElementContent> = [];
      for (const child of parent.children) {
        if (child.type !== 'element') {
          children.push(child);
          continue;
        }
        repair(child);
        if (phrasing.has(child.tagName) && child.children.some((c) => c.type === 'element' && blocks.has(c.tagName))) {
          const place = child.position?.start ?? child.children.find((c) => c.position)?.position?.start;
          warn(
            file,
            'malformed-html',
            `Unexpected \`<${child.tagName}>\` in raw HTML that is never closed; it would run on around the following paragraphs, so it was removed (its text is kept)`,
            place,
          );
          children.push(...child.children);
        } else children.push(child);
      }
      parent.children = children as typeof parent.children;
    };
    repair(tree);
  };
}
