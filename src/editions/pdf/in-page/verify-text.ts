/**
 * Runs inside the layout page (`page.evaluate`) after the pages are final, so it
 * must be self-contained.
 *
 * The layout verifier: the text on the pages, element by element and in order,
 * must be the text `snapshotText` recorded before layout (soft hyphens, the
 * hyphens Galley adds at breaks and whitespace runs aside); with what the checks
 * of each page found (`installPageFinishing`: text not drawn, or off its sheet).
 */
export function verifyText(): LayoutCheck {
  interface TextRecord {
    texts: string[];
    blocks: Array<string | null>;
    order: number[];
    noteOrder: number[];
    floatOrder: number[];
    flows: Record<number, string>;
    pictures: Array<{ alt: string; block: string | null }>;
  }
  const started = performance.now();
  const state = (
    window as unknown as {
      __galley: { text: TextRecord; problems?: LayoutProblem[]; checkMs?: number; flowRootOf: (element: HTMLElement | null) => HTMLElement | null };
    }
  ).__galley;
  const record = state.text;
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
  const noteOrder: number[] = [];
  const floatOrder: number[] = [];
  const flows: Record<number, string> = {};
  /** Where each run goes on to a new page: its length there, and the page. */
  const flowPages: Record<number, Array<[number, number]>> = {};
  // (The block that holds a run, as `snapshotText` found them.)
  const flowRootOf = state.flowRootOf;
  let lastFlow = -1;
  const problems: LayoutProblem[] = [...(state.problems ?? [])];
  const pageOf = (element: Element) => {
    const sheet = element.closest('.pagedjs_page');
    return sheet ? Array.prototype.indexOf.call(sheet.parentElement?.children ?? [], sheet) + 1 : 0;
  };
  document.querySelectorAll('.pagedjs_page').forEach((sheet, index) => {
    const page = index + 1;
    lastFlow = -1;
    const area = sheet.querySelector('.pagedjs_area');
    if (!area) return;
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      // Text Galley or Paged.js added (hyphens at breaks) has no number: it is not the manuscript's.
      const number = node.parentElement?.dataset.galleyText;
      if (number === undefined || (node.previousSibling?.nodeName === 'BR' && node.data.trim() === '')) continue;
      const key = Number(number);
      laid[key] += node.data;
      const root = flowRootOf(node.parentElement)?.dataset.galleyText;
      if (root !== undefined) {
        const flow = Number(root);
        // A new page breaks a run as a nested block does.
        flows[flow] = (flows[flow] ?? '') + (lastFlow === flow || flows[flow] === undefined ? '' : '\u0000') + node.data;
        flowPages[flow] ??= [];
        const turns = flowPages[flow]!;
        if (turns[turns.length - 1]?.[1] !== page) turns.push([flows[flow]!.length - node.data.length, page]);
        lastFlow = flow;
      }
      // (A soft hyphen alone may go, unused: `finish-pages.ts`.)
      if (!/[^\s\u00ad]/.test(node.data)) continue;
      if (pagesOf[key]![pagesOf[key]!.length - 1] !== page) pagesOf[key]!.push(page);
      const sequence = node.parentElement?.closest('.galley-footnote')
        ? noteOrder
        : node.parentElement?.closest('figure.top, figure.bottom')
          ? floatOrder
          : order;
      if (sequence[sequence.length - 1] !== key) sequence.push(key);
    }
    // A page footnote starts on the page of its (first) call; one that follows a
    // block that cannot hold it (a table), on the page where that block ends or the next.
    for (const number of sheet.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .galley-footnote-number[id]')) {
      const id = CSS.escape(number.id);
      const block = Array.from(document.querySelectorAll(`[data-galley-notes-after~="${id}"]`));
      // (Its first call in the text: a call inside another note does not place it.)
      const call = Array.from(
        document.querySelectorAll(`a[data-footnote-ref][href="#${CSS.escape(encodeURIComponent(number.id))}"], a[data-footnote-ref][href="#${id}"]`),
      ).find((a) => !a.closest('.galley-footnote, [data-footnotes]'));
      const pages = (block.length > 0 ? block : call ? [call] : []).map((element) => pageOf(element));
      const last = Math.max(...pages);
      if (pages.length === 0 || page === last || (block.length > 0 && page === last + 1)) continue;
      const note = number.closest<HTMLElement>('.galley-footnote');
      problems.push({
        kind: 'note-away',
        block: note?.querySelector<HTMLElement>('[data-block]')?.dataset.block ?? note?.dataset.block ?? null,
        page,
        text: excerpt(normal(note?.textContent ?? '')),
        found: block.length > 0 ? `the end of the block it follows on page ${last}` : `its call on page ${last}`,
      });
    }
  });
  record.texts.forEach((source, key) => {
    const expected = normal(source);
    const actual = normal(laid[key]!);
    if (expected === actual) return;
    let at = 0;
    while (at < expected.length && expected[at] === actual[at]) at++;
    const kind = actual === '' ? 'lost' : actual.length > expected.length && actual.includes(expected) ? 'duplicated' : 'changed';
    problems.push({ kind, block: record.blocks[key] ?? null, page: pagesOf[key]![0] ?? null, text: excerpt(expected, at), found: excerpt(actual, at) });
  });
  // The spaces between words, run by run: where a run was broken (a page, a nested
  // block), white space on either side may come or go; nowhere else.
  for (const [number, source] of Object.entries(record.flows)) {
    const block = record.blocks[Number(number)] ?? null;
    if (problems.some((problem) => problem.block === block)) continue;
    const spaced = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ');
    const [expected, actual] = [spaced(source), spaced(flows[Number(number)] ?? '')];
    let [i, j] = [0, 0];
    const skip = (text: string, at: number) => {
      while (at < text.length && (text[at] === ' ' || text[at] === '\u0000')) at++;
      return at;
    };
    for (;;) {
      if (expected[i] === '\u0000' || actual[j] === '\u0000' || (i === 0 && j === 0)) [i, j] = [skip(expected, i), skip(actual, j)];
      if (i >= expected.length || j >= actual.length || expected[i] !== actual[j]) break;
      [i, j] = [i + 1, j + 1];
    }
    // Text at a run's end may be followed by white space only.
    [i, j] = [skip(expected, i), skip(actual, j)];
    if (i >= expected.length && j >= actual.length) continue;
    const plain = (text: string) => text.split('\u0000').join(' ').replace(/ +/g, ' ');
    // (Where the laid-out run went on to a new page, counted in its text as compared.)
    const laidRun = flows[Number(number)] ?? '';
    const turns = (flowPages[Number(number)] ?? []).map(([from, page]) => [spaced(laidRun.slice(0, from)).length, page] as const);
    const page = turns.filter(([from]) => from <= j).pop()?.[1] ?? turns[0]?.[1] ?? null;
    problems.push({
      kind: 'changed',
      block,
      page,
      text: excerpt(plain(expected), plain(expected.slice(0, i)).length),
      found: excerpt(plain(actual), plain(actual.slice(0, j)).length),
    });
  }
  for (const [laidOrder, recorded] of [
    [order, record.order],
    [noteOrder, record.noteOrder],
    [floatOrder, record.floatOrder],
  ] as const) {
    const first = laidOrder.findIndex((key, i) => key !== recorded[i]);
    if (first !== -1 && problems.length === 0) {
      const key = laidOrder[first]!;
      problems.push({ kind: 'reordered', block: record.blocks[key] ?? null, page: pagesOf[key]![0] ?? null, text: excerpt(normal(record.texts[key]!)) });
    }
  }
  // Every picture on a page, and on its sheet (one Paged.js could not place, a float too
  // tall for what was left of its page, was set past the page, printed nowhere).
  const printed = new Set<string>();
  for (const image of document.querySelectorAll<HTMLImageElement>('.pagedjs_page img[data-galley-picture]')) {
    const sheet = image.closest('.pagedjs_page')!.getBoundingClientRect();
    const box = image.getBoundingClientRect();
    const number = image.dataset.galleyPicture!;
    const picture = record.pictures[Number(number)];
    const style = getComputedStyle(image);
    // Drawn (as text is checked: a house style could hide it, or give it no size), and on its sheet.
    const drawn = box.width >= 0.5 && box.height >= 0.5 && style.visibility === 'visible' && Number(style.opacity) > 0;
    const inside = box.left >= sheet.left - 1 && box.right <= sheet.right + 1 && box.top >= sheet.top - 1 && box.bottom <= sheet.bottom + 1;
    if (picture && !printed.has(number) && !(drawn && inside)) {
      problems.push({ kind: drawn ? 'clipped' : 'hidden', block: picture.block, page: pageOf(image), text: picture.alt, picture: true });
    }
    printed.add(number);
  }
  record.pictures.forEach((picture, number) => {
    if (!printed.has(String(number))) problems.push({ kind: 'lost', block: picture.block, page: null, text: picture.alt, picture: true });
  });
  return { problems, ms: (state.checkMs ?? 0) + performance.now() - started };
}

/** What the verifier found, and how long its checks took in all. */
export interface LayoutCheck {
  problems: LayoutProblem[];
  ms: number;
}

/** A place where the pages do not hold the manuscript's text. */
export interface LayoutProblem {
  kind: 'lost' | 'changed' | 'duplicated' | 'reordered' | 'clipped' | 'hidden' | 'note-away';
  /** The block (`data-block`) the text is in, when it is manuscript text. */
  block: string | null;
  /** The page it is on, or should have been on. */
  page: number | null;
  /** The manuscript's text there. */
  text: string;
  /** What the pages hold instead. */
  found?: string;
  /** A picture, not text: `text` is its description. */
  picture?: boolean;
}
