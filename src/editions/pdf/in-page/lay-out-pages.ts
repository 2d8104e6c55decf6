/**
 * Runs inside the layout page (`page.evaluate`), so it must be self-contained:
 * no imports at run time, nothing from the enclosing module.
 */
import type { PageStart } from '../../../model/print-layout.js';

export interface InPageLayout {
  /** Number of pages laid out. */
  total: number;
  /** Where each page that starts inside a numbered block starts. */
  starts: PageStart[];
}

/**
 * Lay the document out with Paged.js and prepare the pages for printing: wait for
 * the fonts, keep finished pages out of layout while later ones are made, mark
 * blank pages, drop the soft hyphens where no line broke, and record where each
 * page starts.
 */
export async function layOutPages(): Promise<InPageLayout> {
  await document.fonts.ready;
  const faces: FontFace[] = [];
  document.fonts.forEach((face) => {
    faces.push(face);
  });
  // One at a time, in the order of the style sheet: the PDF's font resources are
  // then numbered the same way in every build, whatever the load on the machine.
  for (const face of faces) await face.load().catch(() => undefined);
  const polyfill = (window as unknown as { PagedPolyfill: { preview(): Promise<{ total: number }> } }).PagedPolyfill;
  // Finished pages leave the layout tree while later pages are made: every new
  // page would otherwise restyle and reflow all earlier ones, and the time per
  // page would grow with the length of the book. They come back before printing.
  const paged = (window as unknown as { Paged?: { Handler: new (...args: never[]) => object; registerHandlers(...handlers: unknown[]): void } }).Paged;
  const hidden: HTMLElement[] = [];
  if (paged) {
    class KeepFinishedPagesOut extends paged.Handler {
      afterPageLayout(pageElement: HTMLElement) {
        const done = pageElement.previousElementSibling?.previousElementSibling;
        if (done instanceof HTMLElement && done.classList.contains('pagedjs_page')) {
          done.style.display = 'none';
          hidden.push(done);
        }
      }
    }
    paged.registerHandlers(KeepFinishedPagesOut);
  }
  let flow: { total: number };
  try {
    flow = await polyfill.preview();
    for (const page of hidden) page.style.removeProperty('display');
  } catch (thrown) {
    // Paged.js rejects with bare events when it cannot fetch a style sheet.
    if (thrown instanceof Error) throw new Error(`Paged.js failed: ${thrown.message}`);
    const type = (thrown as { type?: unknown } | null)?.type;
    throw new Error(typeof type === 'string' ? `Paged.js failed: a resource did not load (${type} event)` : `Paged.js failed: ${String(thrown)}`);
  }
  // Paged.js does not always flag the pages it inserts for `break-before: right`
  // as blank: a page with no content is blank, and carries no heads or folios.
  for (const sheet of document.querySelectorAll('.pagedjs_page')) {
    const content = sheet.querySelector('.pagedjs_page_content');
    if (content && content.textContent?.trim() === '' && !content.querySelector('img, svg, table')) sheet.classList.add('pagedjs_blank_page');
  }
  // Soft hyphens let lines break inside words; the ones where no line broke would
  // stay in the PDF's text and spoil search and copying. Line breaking is greedy,
  // so removing unused break opportunities changes no line.
  const range = document.createRange();
  const rect = (node: Text, at: number) => {
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rects = range.getClientRects();
    return rects[rects.length - 1] ?? range.getBoundingClientRect();
  };
  const walker = document.createTreeWalker(document.querySelector('.pagedjs_pages') ?? document.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('\u00ad')) texts.push(walker.currentNode as Text);
  for (const node of texts) {
    const data = node.data;
    let kept = '';
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch !== '\u00ad') kept += ch;
      else if (i > 0 && i < data.length - 1 && rect(node, i + 1).top > rect(node, i - 1).bottom - 1) kept += ch;
    }
    if (kept !== data) node.data = kept;
  }
  // Where each page starts, as (block, characters of its text before the page),
  // soft hyphens not counted: the e-book marks the print pages there.
  const length = (text: string) => text.replace(/\u00ad/g, '').length;
  const seen = new Map<string, number>();
  const starts: PageStart[] = [];
  document.querySelectorAll('.pagedjs_page').forEach((sheet, index) => {
    const content = sheet.querySelector('.pagedjs_page_content');
    if (!content) return;
    const texts = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    let first: Text | undefined;
    while (texts.nextNode()) {
      if ((texts.currentNode as Text).data.trim() !== '') {
        first = texts.currentNode as Text;
        break;
      }
    }
    const block = first?.parentElement?.closest<HTMLElement>('[data-block]');
    if (first && block?.dataset.block !== undefined) {
      range.setStart(block, 0);
      range.setEnd(first, 0);
      starts.push({ page: index + 1, block: block.dataset.block, offset: (seen.get(block.dataset.block) ?? 0) + length(range.toString()) });
    }
    content.querySelectorAll<HTMLElement>('[data-block]').forEach((el) => {
      const id = el.dataset.block!;
      seen.set(id, (seen.get(id) ?? 0) + length(el.textContent ?? ''));
    });
  });
  return { total: flow.total, starts };
}
