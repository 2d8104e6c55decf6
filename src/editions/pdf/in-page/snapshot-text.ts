/**
 * Runs inside the layout page (`page.evaluate`) before Paged.js lays anything out,
 * so it must be self-contained.
 *
 * Records the text of the document as it will be laid out: every element that
 * holds text gets a number (`data-galley-text`, which Paged.js copies onto every
 * piece of the element it puts on a page) and the text it holds directly, in
 * document order (the text of page footnotes apart: it goes to the foot of the
 * pages, and that of figures placed at the top or foot of a page), and numbers
 * every picture (`data-galley-picture`). `verifyText` compares the pages against this record.
 */
export function snapshotText(): number {
  interface TextRecord {
    /** The text each numbered element holds directly, by number. */
    texts: string[];
    /** The block number (`data-block`) each numbered element is in, for messages. */
    blocks: Array<string | null>;
    /** The numbers of the elements in the order their text comes, repeats collapsed (page footnotes apart). */
    order: number[];
    /** The same for the text of page footnotes (`.galley-footnote`), which the pages hold at their foot. */
    noteOrder: number[];
    /** The same for figures placed at the top or foot of a page (`page-floats.ts`). */
    floatOrder: number[];
    /**
     * The text of each run of inline content, by the number of the block that holds
     * it (its nearest block-level element, a page footnote or a placed figure), with
     * `\u0000` where a nested block breaks it: the spaces between its words, which
     * `texts` (one element's text each) cannot show.
     */
    flows: Record<number, string>;
    /** Every picture (`<img>`, numbered `data-galley-picture`): its description and block, for messages. */
    pictures: Array<{ alt: string; block: string | null }>;
  }
  const host = window as unknown as {
    __galley?: { hidden: HTMLElement[]; text?: TextRecord; flowRootOf?: (element: HTMLElement | null) => HTMLElement | null };
  };
  host.__galley ??= { hidden: [] };
  const state = host.__galley;
  const record: TextRecord = { texts: [], blocks: [], order: [], noteOrder: [], floatOrder: [], flows: {}, pictures: [] };
  const numberOf = (element: HTMLElement) => {
    if (element.dataset.galleyText === undefined) {
      element.dataset.galleyText = String(record.texts.length);
      record.texts.push('');
      record.blocks.push(element.closest<HTMLElement>('[data-block]')?.dataset.block ?? null);
    }
    return Number(element.dataset.galleyText);
  };
  // The element that holds a run of inline content: a block, or a page footnote (which
  // floats from inside one); kept for `verifyText`, which finds the runs of the pages with it.
  const flowTags = new Set(
    'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
      ' ',
    ),
  );
  const flowRoots = new Map<Element, HTMLElement | null>();
  const flowRootOf = (element: HTMLElement | null): HTMLElement | null => {
    if (!element) return null;
    let root = flowRoots.get(element);
    if (root === undefined) {
      root = flowTags.has(element.localName) || element.classList.contains('galley-footnote') ? element : flowRootOf(element.parentElement);
      flowRoots.set(element, root);
    }
    return root;
  };
  state.flowRootOf = flowRootOf;
  let lastFlow = -1;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const element = node.parentElement;
    if (!element || element.closest('script, style, template')) continue;
    // White space after a line break is nothing on the page (and Paged.js may drop it where it breaks).
    if (node.previousSibling?.nodeName === 'BR' && node.data.trim() === '') continue;
    const key = numberOf(element);
    record.texts[key] += node.data;
    const root = flowRootOf(element);
    if (root) {
      const flow = numberOf(root);
      record.flows[flow] = (record.flows[flow] ?? '') + (lastFlow === flow || record.flows[flow] === undefined ? '' : '\u0000') + node.data;
      lastFlow = flow;
    }
    const order = element.closest('.galley-footnote') ? record.noteOrder : element.closest('figure.top, figure.bottom') ? record.floatOrder : record.order;
    // (Text that is no more than white space and soft hyphens, which may go unused, has no place in the order.)
    if (/[^\s\u00ad]/.test(node.data) && order[order.length - 1] !== key) order.push(key);
  }
  // Pictures hold no text the record could miss: each is numbered, to be found on a page.
  for (const image of document.body.querySelectorAll<HTMLImageElement>('img')) {
    if (image.closest('template')) continue;
    image.dataset.galleyPicture = String(record.pictures.length);
    record.pictures.push({ alt: image.alt, block: image.closest<HTMLElement>('[data-block]')?.dataset.block ?? null });
  }
  state.text = record;
  return record.texts.length;
}
