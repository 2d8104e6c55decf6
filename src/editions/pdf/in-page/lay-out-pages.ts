/**
 * Runs inside the layout page (`page.evaluate`), after `installLayoutFixes` and
 * `snapshotText`, so it must be self-contained: no imports at run time, nothing
 * from the enclosing module.
 */
import type { PageStart } from '../../../model/print-layout.js';

export interface InPageLayout {
  /** Number of pages laid out. */
  total: number;
  /** Where each page that starts inside a numbered block starts. */
  starts: PageStart[];
  /** Where each element with an id is: its page (from 1) and its top left corner on the page, in CSS pixels. */
  anchors: Array<[id: string, page: number, x: number, y: number]>;
}

/**
 * Lay the document out with Paged.js (with `installLayoutFixes` and
 * `installPageFinishing` in place) and make the pages final for printing: the
 * pages not yet checked checked, blank pages marked, the last line of a
 * justified paragraph continued on the next page justified (and nothing else);
 * then record where each page starts.
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
  const state = (
    window as unknown as {
      __galley?: {
        hidden: HTMLElement[];
        checkPage?(sheet: Element): void;
        placeAnchors?(sheet: Element): void;
        pruneFurniture?(pages: Element[]): void;
        anchors?: Map<string, [page: number, x: number, y: number]>;
      };
    }
  ).__galley;
  // The sheet for the document as loaded (layout-document.ts) is done with.
  document.getElementById('galley-before-layout')?.remove();
  // Paged.js lays out what a template holds; made of the body's HTML (serialised and
  // parsed again: frozen column widths rounded) unless there is one. The nodes moved
  // into one are not.
  if (!document.querySelector('body > template[data-ref="pagedjs-content"]')) {
    const template = document.createElement('template');
    template.dataset.ref = 'pagedjs-content';
    template.content.append(...Array.from(document.body.childNodes));
    document.body.append(template);
  }
  let flow: { total: number };
  try {
    flow = await polyfill.preview();
  } catch (thrown) {
    // Paged.js rejects with bare events when it cannot fetch a style sheet.
    if (thrown instanceof Error) throw new Error(`Paged.js failed: ${thrown.message}`);
    const type = (thrown as { type?: unknown } | null)?.type;
    throw new Error(typeof type === 'string' ? `Paged.js failed: a resource did not load (${type} event)` : `Paged.js failed: ${String(thrown)}`);
  }
  const sheets = Array.from(document.querySelectorAll('.pagedjs_page'));
  // Each page was checked when the next was laid out; the last one is checked now,
  // while the other pages are still out of the layout tree. (The contents are
  // checked again once their page numbers are in: in-page/finish-part.ts.)
  const last = sheets[sheets.length - 1];
  if (last) {
    state?.checkPage?.(last);
    state?.placeAnchors?.(last);
  }
  // Before the pages are shown again (each is restyled then): page-furniture.ts.
  state?.pruneFurniture?.(sheets);
  for (const page of state?.hidden ?? []) page.style.removeProperty('display');

  // Paged.js does not always flag the pages it inserts for `break-before: right`
  // as blank: a page with no content is blank, and carries no heads or folios.
  for (const sheet of document.querySelectorAll('.pagedjs_page')) {
    const content = sheet.querySelector('.pagedjs_page_content');
    if (content && content.textContent?.trim() === '' && !content.querySelector('img, svg, table')) sheet.classList.add('pagedjs_blank_page');
  }

  // A justified paragraph that goes on on the next page ends this page with a full
  // line: justify it. Only that element, and only when it holds the line's text
  // itself (print.css keeps this from reaching anything inside it).
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page [data-split-to]')) {
    const holdsText = Array.from(element.childNodes).some((child) => child instanceof Text && child.data.trim() !== '');
    const style = getComputedStyle(element);
    // (A line ending in a <br> is a last line, which text-align-last would justify too.)
    if (holdsText && style.textAlign === 'justify' && !style.whiteSpace.startsWith('pre') && !element.querySelector('br'))
      element.dataset.galleyJustifyLast = '';
  }

  // Where each page starts, as (block, characters of its text before the page),
  // counting the manuscript's text only: the e-book marks the print pages there.
  // (Not hyphens added at breaks, the header rows a table repeats on each page, or cross-references' pages.)
  const counted = (node: Text) => !node.parentElement?.closest('[data-galley-hyphen], [data-galley-repeat], [data-galley-generated]');
  const textLength = (root: Node, until?: Node) => {
    let length = 0;
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      if (texts.currentNode === until) break;
      if (counted(texts.currentNode as Text)) length += (texts.currentNode as Text).data.length;
    }
    return length;
  };
  const seen = new Map<string, number>();
  const starts: PageStart[] = [];
  sheets.forEach((sheet, index) => {
    const content = sheet.querySelector('.pagedjs_page_content');
    if (!content) return;
    const texts = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    let first: Text | undefined;
    while (texts.nextNode()) {
      const text = texts.currentNode as Text;
      if (text.data.trim() !== '' && counted(text)) {
        first = text;
        break;
      }
    }
    const block = first?.parentElement?.closest<HTMLElement>('[data-block]');
    if (first && block?.dataset.block !== undefined) {
      starts.push({ page: index + 1, block: block.dataset.block, offset: (seen.get(block.dataset.block) ?? 0) + textLength(block, first) });
    }
    for (const element of content.querySelectorAll<HTMLElement>('[data-block]')) {
      const id = element.dataset.block!;
      seen.set(id, (seen.get(id) ?? 0) + textLength(element));
    }
  });
  // Each element with an id was placed as its page was finished (installPageFinishing);
  // one that is not on that page now (or was not placed) is measured again here.
  const anchors: InPageLayout['anchors'] = [];
  const found = new Set<string>();
  sheets.forEach((sheet, index) => {
    let box: DOMRect | undefined;
    for (const element of sheet.querySelectorAll('.pagedjs_page_content [id]')) {
      if (found.has(element.id)) continue;
      found.add(element.id);
      const placed = state?.anchors?.get(element.id);
      if (placed?.[0] === index + 1) {
        anchors.push([element.id, ...placed]);
        continue;
      }
      box ??= sheet.getBoundingClientRect();
      const rect = element.getBoundingClientRect();
      anchors.push([element.id, index + 1, Math.round((rect.left - box.left) * 100) / 100, Math.round((rect.top - box.top) * 100) / 100]);
    }
  });
  return { total: flow.total, starts, anchors };
}
