import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { rehypeCollectImages } from './plugins/rehype-collect-images.js';
import { rehypeFlagUnsafe } from './plugins/rehype-flag-unsafe.js';
import { rehypeFootnoteScope } from './plugins/rehype-footnote-scope.js';
import { rehypeHeadingIds } from './plugins/rehype-heading-ids.js';
import { rehypeInfobox } from './plugins/rehype-infobox.js';
import { rehypeOutline } from './plugins/rehype-outline.js';
import { rehypeSections } from './plugins/rehype-sections.js';
import { rehypeTableAlign } from './plugins/rehype-table-align.js';
import { sanitizeSchema } from './sanitize-schema.js';
import './data.js';

/**
 * The chapter processor, built once. Order matters:
 * 1. remark-parse, remark-frontmatter (front matter is kept as a node and ignored
 *    by remark-rehype, so positions stay true), remark-gfm;
 * 2. remark-rehype keeps raw HTML, rehype-raw parses it with positions;
 * 3. rehype-flag-unsafe warns about what rehype-sanitize then removes;
 * 4. only after sanitising do our own trusted plugins run: table alignment as
 *    classes, ids, the infobox, sections and the outline.
 */
export const chapterProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteLabel: 'Notes' })
  .use(rehypeRaw)
  .use(rehypeFlagUnsafe)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeTableAlign)
  .use(rehypeHeadingIds)
  .use(rehypeFootnoteScope)
  .use(rehypeInfobox)
  .use(rehypeSections)
  .use(rehypeOutline)
  .use(rehypeCollectImages)
  .freeze();

/** Turn one chapter's Markdown into its hast tree (messages land on `file`). */
export async function chapterToHast(file: VFile): Promise<Root> {
  return chapterProcessor.run(chapterProcessor.parse(file), file);
}
