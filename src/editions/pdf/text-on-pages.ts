import type { Book } from '../../model/book.js';
import type { Point } from 'unist';
import { fail } from '../../shared/messages.js';
import { blockPlaces } from './block-places.js';
import type { LayoutProblem } from './in-page/verify-text.js';

const what: Record<LayoutProblem['kind'], string> = {
  lost: 'is missing from the pages',
  changed: 'is not on the pages as written',
  duplicated: 'is on the pages twice',
  reordered: 'is on the pages out of order',
  clipped: 'runs off the page',
  hidden: 'is not drawn on the page',
  'note-away': 'is a footnote printed away from its call',
};

/** How many problems are reported one by one; the rest are counted. */
const SHOWN = 20;

/**
 * Report what the layout verifier found as errors on the chapter file and line of
 * each block (text outside the chapters, such as the title page, on `book.yaml`).
 * A build with any of them fails: the print edition must be the manuscript.
 */
export function reportTextOnPages(book: Book, problems: readonly LayoutProblem[]): void {
  if (problems.length === 0) return;
  const places = blockPlaces(book);
  // One message per place, page and kind (an infobox's cells share the place of its front matter).
  const groups = new Map<string, { problem: LayoutProblem; file: Book['configFile']; place: Point | undefined; more: number }>();
  for (const problem of problems) {
    const at = (problem.block !== null ? places.get(problem.block) : undefined) ?? { file: book.configFile, place: undefined };
    const key = `${at.file.path}:${at.place?.line ?? 0}:${at.place?.column ?? 0}:${problem.page}:${problem.kind}`;
    const group = groups.get(key);
    if (group) group.more++;
    else groups.set(key, { problem, ...at, more: 0 });
  }
  let shown = 0;
  for (const { problem, file, place, more } of groups.values()) {
    if (shown++ === SHOWN) {
      fail(book.configFile, 'text-on-page', `The print edition's layout lost text in ${groups.size - SHOWN} more places`);
      break;
    }
    const page = problem.page === null ? '' : ` on page ${problem.page}`;
    const found = problem.found === undefined ? '' : `; the pages have “${problem.found}”`;
    const others = more === 0 ? '' : ` (and ${more} more piece${more === 1 ? '' : 's'} of text there)`;
    if (problem.kind === 'note-away') {
      fail(
        file,
        'text-on-page',
        `The print edition's layout put the footnote “${problem.text}”${page}, away from ${problem.found ?? 'its call'}${others}`,
        place,
      );
      continue;
    }
    if (problem.picture) {
      const described = problem.text === '' ? 'a picture without a description' : `the picture “${problem.text}”`;
      fail(file, 'text-on-page', `The print edition's layout lost ${described}: it ${what[problem.kind]}${page}`, place);
      continue;
    }
    fail(file, 'text-on-page', `The print edition's layout lost text: “${problem.text}” ${what[problem.kind]}${page}${found}${others}`, place);
  }
}
