import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { Chapter } from '../../model/book.js';
import { fail, warn } from '../../shared/messages.js';
import { decodeUriPart } from '../../shared/uri.js';
import { hasContent } from './has-content.js';
import './file-data.js';

const external = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/**
 * Links between the chapters, resolved for every edition at once: a link to a
 * chapter file (`02-b.md`, `02-b.md#slug`) becomes a link to the id it means
 * (`#b`), which the one-document editions (HTML, print) use as it is and the
 * e-book points at the chapter's file. A link to a chapter or an id that does not
 * exist, or to a file that is not a chapter, is an error at the link's place.
 * Works on trees the render stage has just made.
 */
export function resolveLinks(chapters: readonly Chapter[]): void {
  const byFile = new Map(chapters.map((chapter) => [path.resolve(chapter.file.path), chapter]));
  const idsOf = new Map<Chapter, Set<string>>();
  for (const chapter of chapters) {
    const ids = new Set<string>();
    visit(chapter.tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    idsOf.set(chapter, ids);
  }
  const inBook = (id: string) => chapters.some((chapter) => idsOf.get(chapter)!.has(id));
  for (const chapter of chapters) {
    visit(chapter.tree, 'element', (node: Element, index, parent) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      const place = node.position?.start;
      if (href === '' && parent && index !== undefined) {
        // A link to nothing: its text stays, as text.
        warn(chapter.file, 'empty-link', 'Unexpected link without an address (`[text]()`); its text is kept as text', place);
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (!hasContent(node)) {
        warn(chapter.file, 'empty-link', `Unexpected link without text to \`${href}\`; its address is shown instead`, place);
        node.children = [{ type: 'text', value: href }];
      }
      if (href === '' || href === '#' || external.test(href)) return;
      const hash = href.indexOf('#');
      const target = hash === -1 ? href : href.slice(0, hash);
      const fragment = hash === -1 ? undefined : decodeUriPart(href.slice(hash + 1));
      if (target === '') {
        if (!inBook(fragment!))
          fail(chapter.file, 'broken-link', `Unexpected link to \`${href}\`: no heading, note or element of the book has the id \`${fragment}\``, place);
        return;
      }
      const file = path.resolve(path.dirname(chapter.file.path), decodeUriPart(target.split('?')[0]!));
      const linked = byFile.get(file);
      if (!linked) {
        const why = existsSync(file)
          ? 'is a file, not a chapter of this book: links point at chapters and web addresses (to show an image, write `![description](path)`)'
          : 'is not a chapter of this book (a link to another chapter names its Markdown file, relative to this one)';
        fail(chapter.file, 'broken-link', `Unexpected link to \`${href}\`: \`${target}\` ${why}`, place);
        return;
      }
      if (fragment === undefined || fragment === '') {
        const start = linked.titleId;
        if (start === undefined) fail(chapter.file, 'broken-link', `Unexpected link to \`${href}\`: the chapter has no title heading to link to`, place);
        else node.properties.href = `#${start}`;
        return;
      }
      const id = linked.file.data.ids?.get(fragment) ?? (idsOf.get(linked)!.has(fragment) ? fragment : undefined);
      if (id === undefined)
        fail(chapter.file, 'broken-link', `Unexpected link to \`${href}\`: \`${target}\` has no heading or element with the id \`${fragment}\``, place);
      else node.properties.href = `#${id}`;
    });
  }
}
