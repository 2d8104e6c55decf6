import type { Root } from 'hast';
import type GithubSlugger from 'github-slugger';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Infobox } from '../../infobox/validate-infobox.js';
import { isRtl } from '../../shared/language.js';
import { rehypeAccessibility } from './plugins/rehype-accessibility.js';
import { rehypeComposeLetters } from './plugins/rehype-compose-letters.js';
import { rehypeControlCharacters } from './plugins/rehype-control-characters.js';
import { rehypeFigures } from './plugins/rehype-figures.js';
import { rehypeEmptyHeaderCells } from './plugins/rehype-empty-header-cells.js';
import { rehypeEmptyHeadings } from './plugins/rehype-empty-headings.js';
import { rehypeFlagUnsafe } from './plugins/rehype-flag-unsafe.js';
import { rehypeFootnoteScope } from './plugins/rehype-footnote-scope.js';
import { rehypeHeadingIds } from './plugins/rehype-heading-ids.js';
import { rehypeInfobox } from './plugins/rehype-infobox.js';
import { rehypeOutline } from './plugins/rehype-outline.js';
import { rehypeRepairNesting } from './plugins/rehype-repair-nesting.js';
import { rehypeSections } from './plugins/rehype-sections.js';
import { rehypeTableFootLast } from './plugins/rehype-table-foot-last.js';
import { rehypeTableAlign } from './plugins/rehype-table-align.js';
import { rehypeTaskListLabels } from './plugins/rehype-task-list-labels.js';
import { rehypeTextDirection } from './plugins/rehype-text-direction.js';
import { remarkAttributes } from './plugins/remark-attributes.js';
import { remarkCrossReferences } from './plugins/remark-cross-references.js';
import { remarkTypography } from './plugins/remark-typography.js';
import { remarkUndefinedFootnotes } from './plugins/remark-undefined-footnotes.js';
import { remarkUnusedFootnotes } from './plugins/remark-unused-footnotes.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** What a chapter's processor is told about the book and the chapter. */
export interface ChapterOptions {
  /** The chapter's stable id. */
  chapterId: string;
  /** The book's language (BCP 47). */
  language: string;
  /** The book-wide id allocator: ids are unique across all chapters. */
  ids: GithubSlugger;
  /** The chapter's validated infobox, if any. */
  infobox: Infobox | undefined;
  /** Typographic quotes, apostrophes, dashes and ellipses (`typography` in book.yaml). */
  typography: boolean;
}

/**
 * A chapter's processing, in two halves: `chapterReader` up to the ids, then
 * `chapterFinisher` (between them, the render stage collects the ids every
 * chapter's author wrote, so that no heading's id takes one). Order matters:
 * 1. remark-parse, remark-frontmatter (front matter is kept as a node and ignored
 *    by remark-rehype, so positions stay true), remark-gfm; footnote calls without
 *    a note are errors; attributes (`{#fig-map width=50%}`) read, cross-references
 *    (`@fig-map`) made links; typographic punctuation (quotes, dashes) by language;
 * 2. remark-rehype keeps raw HTML, rehype-raw parses it with positions;
 * 3. characters no edition can carry are removed (with a warning);
 * 4. rehype-flag-unsafe warns about what rehype-sanitize then removes;
 * 5. only after sanitising do our own trusted plugins run: inline elements left
 *    open around blocks taken out, figures and table captions, empty headings removed, empty header cells
 *    made data cells, table alignment as
 *    classes, labels for task checkboxes; then (the finisher) ids, the infobox, the direction of
 *    blocks written the other way, sections, the outline, and warnings where
 *    readers who cannot see the page are left behind.
 */
export function chapterReader(options: Pick<ChapterOptions, 'language' | 'typography'>) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkUndefinedFootnotes)
    .use(remarkUnusedFootnotes)
    .use(remarkAttributes)
    .use(remarkCrossReferences)
    .use(remarkTypography, { language: options.language, enabled: options.typography })
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteLabel: 'Notes' })
    .use(rehypeRaw)
    .use(rehypeControlCharacters)
    .use(rehypeFlagUnsafe)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeRepairNesting)
    .use(rehypeFigures)
    .use(rehypeEmptyHeadings)
    .use(rehypeEmptyHeaderCells)
    .use(rehypeTableFootLast)
    .use(rehypeTableAlign)
    .use(rehypeTaskListLabels)
    .freeze();
}

/** The second half (see `chapterReader`): `options.ids` must hold every id the book's authors wrote. */
export function chapterFinisher(options: ChapterOptions) {
  return unified()
    .use(rehypeHeadingIds, { ids: options.ids })
    .use(rehypeFootnoteScope, { chapterId: options.chapterId })
    .use(rehypeInfobox, {
      infobox: options.infobox,
      language: options.language,
      ids: options.ids,
      chapterId: options.chapterId,
      typography: options.typography,
    })
    .use(rehypeComposeLetters)
    .use(rehypeTextDirection, { direction: isRtl(options.language) ? 'rtl' : 'ltr' })
    .use(rehypeSections, { chapterId: options.chapterId })
    .use(rehypeOutline)
    .use(rehypeAccessibility)
    .freeze();
}

/** Read one chapter's Markdown into hast with the book's `chapterReader`, up to its ids (messages land on `file`). */
export async function readChapter(reader: ReturnType<typeof chapterReader>, file: VFile): Promise<Root> {
  return (await reader.run(reader.parse(file), file)) as Root;
}

/** Finish a chapter read by `readChapter`: ids, the infobox, sections, the outline. */
export async function finishChapter(tree: Root, file: VFile, options: ChapterOptions): Promise<Root> {
  return (await chapterFinisher(options).run(tree, file)) as Root;
}
