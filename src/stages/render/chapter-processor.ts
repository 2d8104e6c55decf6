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
import { rehypeFlagUnsafe } from './plugins/rehype-flag-unsafe.js';
import { rehypeFootnoteScope } from './plugins/rehype-footnote-scope.js';
import { rehypeHeadingIds } from './plugins/rehype-heading-ids.js';
import { rehypeInfobox } from './plugins/rehype-infobox.js';
import { rehypeOutline } from './plugins/rehype-outline.js';
import { rehypeSections } from './plugins/rehype-sections.js';
import { rehypeTableAlign } from './plugins/rehype-table-align.js';
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
}

/**
 * The processor of one chapter. Order matters:
 * 1. remark-parse, remark-frontmatter (front matter is kept as a node and ignored
 *    by remark-rehype, so positions stay true), remark-gfm;
 * 2. remark-rehype keeps raw HTML, rehype-raw parses it with positions;
 * 3. rehype-flag-unsafe warns about what rehype-sanitize then removes;
 * 4. only after sanitising do our own trusted plugins run: table alignment as
 *    classes, ids, the infobox, sections and the outline.
 */
export function chapterProcessor(options: ChapterOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteLabel: 'Notes' })
    .use(rehypeRaw)
    .use(rehypeFlagUnsafe)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeTableAlign)
    .use(rehypeHeadingIds, { ids: options.ids })
    .use(rehypeFootnoteScope, { chapterId: options.chapterId })
    .use(rehypeInfobox, { infobox: options.infobox, language: options.language, ids: options.ids, chapterId: options.chapterId })
    .use(rehypeSections, { chapterId: options.chapterId })
    .use(rehypeOutline)
    .freeze();
}

/** Turn one chapter's Markdown into its hast tree (messages land on `file`). */
export async function chapterToHast(file: VFile, options: ChapterOptions): Promise<Root> {
  const processor = chapterProcessor(options);
  return processor.run(processor.parse(file), file);
}
