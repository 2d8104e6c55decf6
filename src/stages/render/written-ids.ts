import type GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../../shared/messages.js';
import { decodeUriPart } from '../../shared/uri.js';
import { kindOf } from './cross-references.js';

/** Ids GFM gives a chapter's footnotes; rehype-footnote-scope prefixes them with the chapter's id. */
export const footnoteId = /^(fn-|fnref-|footnote-label$)/;

/** Where an earlier element of chapter `first` is, said from `chapter`: `in this chapter`, `in one.md`. */
export const whereIn = (first: { readonly id: string; readonly file: VFile }, chapter: { readonly file: VFile }): string =>
  first.file === chapter.file ? 'in this chapter' : `in ${first.file.basename ?? first.id}`;

export interface ReadChapter {
  readonly id: string;
  readonly file: VFile;
  /** The chapter as `chapterReader` leaves it: every id in it is one its author wrote, or a footnote's. */
  readonly tree: Root;
}

/**
 * Take every id the book's authors wrote (raw HTML, `{#id}`), in every chapter,
 * into the book's id allocator, with the ids the chapters' footnotes will have
 * (`<chapter>-fn-1`), before any heading gets an id made from its text: a heading's
 * id then never takes one, whichever chapter comes first (a heading "Intro" in one
 * chapter and `<p id="intro">` in a later one both had the id `intro`). A written
 * id is taken as it reads too (`caf%C3%A9` as `café`: links read ids decoded). An
 * id written twice, one Galley gives elements of its own (`galleyIds`: `main`,
 * `toc`, a part's `part-2`) or one a footnote has (`a-fn-1`), and a footnote whose
 * id another chapter's footnote has (chapter `a`'s `[^fn-x]`, chapter `a-fn`'s
 * `[^x]`), are errors at the second.
 */
export function reserveWrittenIds(chapters: readonly ReadChapter[], ids: GithubSlugger, galleyIds: ReadonlySet<string>): void {
  const notes = new Map<string, ReadChapter>();
  for (const chapter of chapters) {
    visit(chapter.tree, 'element', (element: Element) => {
      const id = element.properties.id;
      if (typeof id !== 'string' || !footnoteId.test(id)) return;
      const scoped = `${chapter.id}-${decodeUriPart(id)}`;
      const first = notes.get(scoped);
      if (first === undefined) {
        notes.set(scoped, chapter);
        ids.slug(scoped);
      } else if (first !== chapter) {
        const label = id.replace(/^(fn|fnref)-/, '');
        fail(
          chapter.file,
          'duplicate-id',
          `Unexpected footnote \`${decodeUriPart(label)}\`: its id \`${scoped}\` is a footnote's ${whereIn(first, chapter)} too; rename its label`,
          element.position?.start,
        );
      }
    });
  }
  const written = new Map<string, ReadChapter>();
  for (const chapter of chapters) {
    visit(chapter.tree, 'element', (element: Element) => {
      const id = element.properties.id;
      // (An empty id is check-ids.ts' to report.)
      if (typeof id !== 'string' || id === '' || footnoteId.test(id)) return;
      const place = element.position?.start;
      if (galleyIds.has(id) || notes.has(id)) {
        const note = notes.get(id);
        const whose = note
          ? `a footnote in ${note.file.basename ?? note.id} has it`
          : 'Galley gives it to an element of its own (the title page, the contents, a part)';
        fail(chapter.file, 'duplicate-id', `Unexpected id \`${id}\`: ${whose}; choose another`, place);
        return;
      }
      const first = written.get(id);
      if (first === undefined) {
        written.set(id, chapter);
        ids.slug(id);
        const decoded = decodeUriPart(id);
        if (decoded !== id) ids.slug(decoded);
      } else if (kindOf(id) === undefined) {
        // (A cross-referenced id given twice is crossReferences' to report, with what references need.)
        fail(
          chapter.file,
          'duplicate-id',
          `Unexpected second element with the id \`${id}\`: it is already the id of an element ${whereIn(first, chapter)}`,
          place,
        );
      }
    });
  }
}
