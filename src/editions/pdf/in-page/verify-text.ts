/**
 * Runs inside the layout page (`page.evaluate`) after the pages are final, so it
 * must be self-contained.
 *
 * The layout verifier: the text on the pages, element by element and in order,
 * must be the text `snapshotText` recorded before layout (soft hyphens, the
 * hyphens Galley adds at breaks and whitespace runs aside), and every line of it
 * must be drawn on its page: Paged.js moves what does not fit on a page into an
 * overflow column far off the sheet, which is never printed.
 */
export function verifyText(): LayoutProblem[] {
  interface TextRecord {
    texts: string[];
    blocks: Array<string | null>;
    order: number[];
  }
  const record = (window as unknown as { __galley: { text: TextRecord } }).__galley.text;
  const normal = (text: string) =>
    text
      .replace(/\u00ad/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const excerpt = (text: string, at = 0) => {
    const from = Math.max(0, at - 30);
    return `${from > 0 ? '…' : ''}${text.slice(from, at + 50)}${at + 50 < text.length ? '…' : ''}`;
  };
  const laid = record.texts.map(() => '');
  const pagesOf = record.texts.map(() => [] as number[]);
  const order: number[] = [];
  const problems: LayoutProblem[] = [];
  const range = document.createRange();
  document.querySelectorAll('.pagedjs_page').forEach((sheet, index) => {
    const page = index + 1;
    const area = sheet.querySelector('.pagedjs_area');
    if (!area) return;
    const bounds = sheet.getBoundingClientRect();
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      // Text Galley or Paged.js added (hyphens at breaks) has no number of its own:
      // it counts for nothing, but must be on the page like the rest.
      const owner = node.parentElement?.closest<HTMLElement>('[data-galley-text]');
      const own = node.parentElement?.dataset.galleyText !== undefined;
      const key = owner ? Number(owner.dataset.galleyText) : -1;
      if (own) laid[key] += node.data;
      if (node.data.trim() === '') continue;
      if (own) {
        if (pagesOf[key]![pagesOf[key]!.length - 1] !== page) pagesOf[key]!.push(page);
        if (order[order.length - 1] !== key) order.push(key);
      }
      // Text for screen readers only (.sr-only) is meant to take no room on the page.
      if (node.parentElement?.closest('.sr-only')) continue;
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width >= 0.5 && rect.height >= 0.5);
      // Text in the DOM but not drawn (a closed <details>, say) is not on the page
      // either; only the footnotes' back links are hidden in print on purpose.
      if (rects.length === 0 && !node.parentElement?.closest('[data-footnote-backref]')) {
        problems.push({ kind: 'hidden', block: key === -1 ? null : (record.blocks[key] ?? null), page, text: excerpt(normal(node.data)) });
      }
      for (const rect of rects) {
        if (rect.right > bounds.right + 1 || rect.bottom > bounds.bottom + 1 || rect.left < bounds.left - 1 || rect.top < bounds.top - 1) {
          problems.push({
            kind: 'clipped',
            block: key === -1 ? null : (record.blocks[key] ?? null),
            page,
            text: excerpt(normal(owner?.textContent ?? node.data)),
          });
          break;
        }
      }
    }
  });
  record.texts.forEach((source, key) => {
    const expected = normal(source);
    const actual = normal(laid[key]!);
    if (expected === actual) return;
    let at = 0;
    while (at < expected.length && expected[at] === actual[at]) at++;
    const pages = pagesOf[key]!;
    const kind = actual === '' ? 'lost' : actual.length > expected.length && actual.includes(expected) ? 'duplicated' : 'changed';
    problems.push({ kind, block: record.blocks[key] ?? null, page: pages[0] ?? null, text: excerpt(expected, at), found: excerpt(actual, at) });
  });
  const first = order.findIndex((key, i) => key !== record.order[i]);
  if (first !== -1 && problems.length === 0) {
    const key = order[first]!;
    problems.push({ kind: 'reordered', block: record.blocks[key] ?? null, page: pagesOf[key]![0] ?? null, text: excerpt(normal(record.texts[key]!)) });
  }
  return problems;
}

/** A place where the pages do not hold the manuscript's text. */
export interface LayoutProblem {
  kind: 'lost' | 'changed' | 'duplicated' | 'reordered' | 'clipped' | 'hidden';
  /** The block (`data-block`) the text is in, when it is manuscript text. */
  block: string | null;
  /** The page it is on, or should have been on. */
  page: number | null;
  /** The manuscript's text there. */
  text: string;
  /** What the pages hold instead. */
  found?: string;
}
