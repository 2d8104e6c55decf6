import { getEventListeners } from 'node:events';
import type { BrowserContext, Page } from 'puppeteer-core';
import type { Element, ElementContent, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { splitBook } from '../src/editions/pdf/split-book.js';
import { Slots } from '../src/editions/pdf/slots.js';
import { Deadline } from '../src/editions/pdf/deadline.js';
import { LayoutTabs, TAB_USES } from '../src/editions/pdf/layout-tabs.js';
import type { Chapter } from '../src/model/book.js';
import { type BuildProgress, describeProgress, ProgressDisplay } from '../src/shared/progress.js';

const text = (n: number, seed: string) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

function chapter(id: string, children: ElementContent[]): Chapter {
  const tree: Root = {
    type: 'root',
    children: [h('section', { className: ['chapter'], dataChapter: id, ariaLabelledBy: [id] }, [h('h1', { id }, `Title ${id}`), ...children])],
  };
  return { id, place: { matter: 'body', role: 'chapter' }, file: new VFile({ path: `${id}.md` }), tree, outline: [], title: `Title ${id}`, titleId: id };
}

const section = (title: string, ...paragraphs: number[]) => h('section', [h('h2', title), ...paragraphs.map((n) => h('p', text(n, `${title} `)))]);

describe('splitBook', () => {
  it('keeps a book that fits in one part whole, with its front matter', () => {
    const chapters = [chapter('a', [h('p', text(500, 'a'))]), chapter('b', [h('p', text(500, 'b'))])];
    expect(splitBook(chapters, 2_000)).toEqual([{ front: true, chapters, continues: false, runningHead: undefined }]);
  });

  it('puts the front matter alone, then runs of whole chapters no bigger than a part', () => {
    const chapters = ['a', 'b', 'c', 'd', 'e'].map((id, i) => chapter(id, [h('p', text(400 + i * 100, id))]));
    const parts = splitBook(chapters, 1_400);
    expect(parts[0]).toEqual({ front: true, chapters: [], continues: false, runningHead: undefined });
    expect(parts.slice(1).map((part) => part.chapters.map((c) => c.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(parts.every((part) => !part.continues)).toBe(true);
    // Each part carries the running head in effect where it starts: the last chapter title before it.
    expect(parts.map((part) => part.runningHead)).toEqual([undefined, undefined, 'Title b', 'Title d']);
  });

  it('cuts a long chapter before its sections, and the parts that go on with it carry its running head', () => {
    const long = chapter('long', [
      h('p', text(300, 'intro ')),
      section('One', 400, 400),
      section('Two', 300),
      section('Three', 500, 200),
      section('Four', 100),
    ]);
    const parts = splitBook([chapter('a', [h('p', 'short')]), long], 1_000);
    const pieces = parts.filter((part) => part.chapters[0]?.id === 'long');
    expect(pieces.map((part) => part.continues)).toEqual([false, true, true, true]);
    expect(pieces.map((part) => part.runningHead)).toEqual(['Title a', 'Title long', 'One', 'Two']);
    const first = (part: (typeof parts)[number]) => (part.chapters[0]!.tree.children[0] as Element).children[0] as Element;
    expect(pieces.slice(1).map((part) => textOf(first(part).children[0]!))).toEqual(['One', 'Two', 'Three']);
    // A piece that goes on: a new page, not a new chapter.
    const wrapper = pieces[1]!.chapters[0]!.tree.children[0] as Element;
    expect(wrapper.properties.className).toEqual(['chapter', 'galley-continued']);
    expect(wrapper.properties.ariaLabelledBy).toBeUndefined();
    // Nothing lost, nothing twice.
    expect(pieces.map((part) => textOf(part.chapters[0]!.tree)).join('')).toBe(textOf(long.tree));
  });

  it('cuts inside a section too big for a part, and between blocks where there is no section', () => {
    const long = chapter('long', [section('Huge', 600, 600, 600, 600), h('p', text(700, 'x')), h('p', text(700, 'y'))]);
    const parts = splitBook([long], 1_000);
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts.slice(1)) expect(textOf(part.chapters[0]!.tree).length).toBeLessThanOrEqual(1_000);
    // The chapter's title stays with the start of its first section.
    expect(textOf(parts[1]!.chapters[0]!.tree)).toMatch(/^Title longHugeHuge /);
    expect(
      parts
        .slice(1)
        .map((part) => textOf(part.chapters[0]!.tree))
        .join(''),
    ).toBe(textOf(long.tree));
  });

  it('never ends a piece on a heading or white space, and a paragraph first in a piece keeps its indent', () => {
    const blocks: ElementContent[] = [];
    for (let i = 0; i < 12; i++) {
      blocks.push({ type: 'text', value: '\n' });
      blocks.push(i % 6 === 5 ? h('h3', `Heading ${i}`) : h('p', text(280, `p${i} `)));
    }
    blocks.push({ type: 'text', value: '\n' });
    const long = chapter('long', blocks);
    const parts = splitBook([long], 1_000).slice(1);
    expect(parts.length).toBeGreaterThan(2);
    const elements = (part: (typeof parts)[number]) =>
      ((part.chapters[0]!.tree.children[0] as Element).children as ElementContent[]).filter((n): n is Element => n.type === 'element');
    for (const part of parts.slice(0, -1)) {
      const last = elements(part).at(-1)!;
      expect(last.tagName).not.toBe('h3');
    }
    for (const part of parts.slice(1)) {
      const first = elements(part)[0]!;
      const before = (long.tree.children[0] as Element).children.filter((n): n is Element => n.type === 'element');
      const previous = before[before.findIndex((n) => textOf(n) === textOf(first)) - 1]!;
      expect(first.properties.className ?? []).toEqual(first.tagName === 'p' && previous.tagName === 'p' ? ['galley-indent'] : []);
    }
    expect(parts.some((part) => elements(part)[0]!.properties.className !== undefined)).toBe(true);
    // A heading where the run is full goes with the text it heads.
    const tight = splitBook([chapter('tight', [h('p', text(450, 'a')), h('p', text(450, 'b')), h('h3', 'Heading'), h('p', text(450, 'c'))])], 1_000);
    expect(tight.slice(1).map((part) => elements(part).map((n) => n.tagName))).toEqual([
      ['h1', 'p', 'p'],
      ['h3', 'p'],
    ]);
    expect(parts.map((part) => textOf(part.chapters[0]!.tree)).join('')).toBe(textOf(long.tree));
  });
});

describe('Slots', () => {
  it('lets holders in by their numbers, never more than its size at once', async () => {
    const slots = new Slots(2);
    const order: number[] = [];
    const entered = [3, 1, 2, 0].map((n) => slots.acquire(n).then(() => order.push(n)));
    await Promise.race([Promise.all(entered), new Promise((resolve) => setTimeout(resolve, 50))]);
    expect(order).toEqual([3, 1]);
    slots.release(1);
    slots.release(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([3, 1, 0]);
    slots.release(3);
    await Promise.all(entered);
    expect(order).toEqual([3, 1, 0, 2]);
  });
});

describe('Deadline', () => {
  const never = new Promise<never>(() => {});

  it('bounds all the work run under it together', async () => {
    const deadline = new Deadline({ total: 1_000 });
    await deadline.run(new Promise((resolve) => setTimeout(resolve, 600)), 'First');
    const started = Date.now();
    await expect(deadline.run(never, 'Second')).rejects.toThrow('Second did not finish within 1 s (raise it with --timeout)');
    expect(Date.now() - started).toBeLessThan(700);
  });

  it('stops work that stops moving on, and says where it was', async () => {
    const deadline = new Deadline({ total: 60_000, stall: 1_000 });
    deadline.progress('“Chapter 3” (chapters/03.md), page 41');
    await expect(deadline.run(never, 'Page layout (Paged.js)')).rejects.toThrow(
      'Page layout (Paged.js) stopped: nothing moved on for 1 s; it had got to “Chapter 3” (chapters/03.md), page 41',
    );
  });

  it('gives work that moves on its whole time', async () => {
    const deadline = new Deadline({ total: 60_000, stall: 1_000 });
    const ticking = setInterval(() => deadline.progress(), 200);
    try {
      await expect(deadline.run(new Promise((resolve) => setTimeout(() => resolve('done'), 2_500)), 'Work')).resolves.toBe('done');
    } finally {
      clearInterval(ticking);
    }
  });

  it('ends at once when its signal is aborted', async () => {
    const controller = new AbortController();
    const deadline = new Deadline({ total: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped by the user')), 50);
    await expect(deadline.run(never, 'Work')).rejects.toThrow('stopped by the user');
  });

  it('listens to its signal once, however many calls wait at once (a big book has dozens)', async () => {
    const controller = new AbortController();
    const deadline = new Deadline({ total: 60_000, signal: controller.signal });
    const waiting = Array.from({ length: 30 }, (_, i) => deadline.run(never, `Part ${i}`));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('stopped'));
    const settled = await Promise.allSettled(waiting);
    expect(settled.every((result) => result.status === 'rejected' && String(result.reason).includes('stopped'))).toBe(true);
  });
});

describe('progress', () => {
  it('tells the stage, the pages laid out, the parts done and the time left', () => {
    expect(describeProgress({ stage: 'markdown' }, 10)).toBe('markdown…');
    const layout: BuildProgress = { stage: 'layout', layout: { pages: 1234, partsDone: 3, parts: 31, expectedPages: 5000 } };
    expect(describeProgress(layout, 1_000)).toBe('layout: 1,234 of about 5,000 pages, 3/31 parts done');
    expect(describeProgress(layout, 61_700)).toBe('layout: 1,234 of about 5,000 pages, 3/31 parts done, about 3 min 08 s left');
    expect(describeProgress({ stage: 'layout', layout: { pages: 7, partsDone: 0, parts: 1, expectedPages: undefined } }, 5_000)).toBe('layout: 7 pages');
    expect(describeProgress({ stage: 'layout', layout: { pages: 1, partsDone: 0, parts: 1, expectedPages: undefined } }, 5_000)).toBe('layout: 1 page');
  });

  it('rewrites one line on a terminal, and writes one line per stage elsewhere', () => {
    const events: BuildProgress[] = [
      { stage: 'load' },
      { stage: 'markdown' },
      { stage: 'layout' },
      { stage: 'layout', layout: { pages: 5, partsDone: 0, parts: 2, expectedPages: undefined } },
      { stage: 'cover' },
      { stage: 'layout', layout: { pages: 9, partsDone: 2, parts: 2, expectedPages: 9 } },
      { stage: 'epub' },
    ];
    let log = '';
    const ci = new ProgressDisplay((text) => (log += text), false);
    for (const event of events) ci.update(event);
    ci.done();
    expect(log).toBe('galley: load…\ngalley: markdown…\ngalley: layout…\ngalley: cover…\ngalley: epub…\n');
    let screen = '';
    const terminal = new ProgressDisplay((text) => (screen += text), true);
    for (const event of events) terminal.update(event);
    terminal.done();
    expect(screen.startsWith('\r\x1b[Kload…')).toBe(true);
    expect(screen).toContain('\r\x1b[Klayout: 9 of about 9 pages, 2/2 parts done');
    expect(screen.endsWith('\r\x1b[Kepub…\r\x1b[K')).toBe(true);
    // Never wider than the terminal: a wrapped line could not be rewritten.
    let narrow = '';
    const small = new ProgressDisplay(
      (text) => (narrow += text),
      true,
      () => 30,
    );
    small.update({ stage: 'layout', layout: { pages: 1234, partsDone: 3, parts: 31, expectedPages: 5000 } });
    expect(narrow).toBe('\r\x1b[Klayout: 1,234 of about 5,000…');
  });
});

describe('LayoutTabs', () => {
  /** A browser whose contexts open when `open()` is called, and that counts the ones closed. */
  function slowBrowser() {
    const closed: string[] = [];
    const waiting: Array<() => void> = [];
    let made = 0;
    const browser = {
      createBrowserContext: () =>
        new Promise<BrowserContext>((resolve) => {
          const name = `context ${++made}`;
          const page = { browserContext: () => context } as unknown as Page;
          const context = { newPage: async () => page, close: async () => void closed.push(name) } as unknown as BrowserContext;
          waiting.push(() => resolve(context));
        }),
    };
    return {
      browser,
      closed,
      made: () => made,
      open: () => {
        for (const go of waiting.splice(0)) go();
      },
    };
  }

  it('closes a context that opens after the deadline gave up waiting for it', async () => {
    const { browser, closed, open } = slowBrowser();
    const tabs = new LayoutTabs(browser, new Deadline({ total: 20 }), 1);
    await expect(tabs.take()).rejects.toThrow(/did not finish within/);
    await tabs.close();
    expect(closed).toEqual([]);
    open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toEqual(['context 1']);
  });

  it('uses a tab for TAB_USES parts, then closes its context; close() closes the rest', async () => {
    const { browser, closed, open } = slowBrowser();
    const tabs = new LayoutTabs(browser, new Deadline({ total: 60_000 }), TAB_USES + 1);
    const taking = [tabs.take(), tabs.take()];
    open();
    const [first, second] = await Promise.all(taking);
    for (let use = 0; use < TAB_USES; use++) {
      const again = use === 0 ? first! : await tabs.take();
      expect(again).toBe(first);
      tabs.give(again);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toEqual(['context 1']);
    tabs.give(second!);
    await tabs.close();
    expect(closed).toEqual(['context 1', 'context 2']);
  });

  it('opens the next tab ahead only when the tabs open cannot lay out every part to come', async () => {
    const { browser, closed, open, made } = slowBrowser();
    // Two at a time: the first two parts open two tabs; the next 2 × TAB_USES - 2 parts are theirs; one more needs a third.
    const parts = 2 * TAB_USES + 1;
    const tabs = new LayoutTabs(browser, new Deadline({ total: 60_000 }), parts);
    const taking = [tabs.take(), tabs.take()];
    expect(made()).toBe(3);
    open();
    const pages = await Promise.all(taking);
    for (let part = 2; part < parts; part++) {
      tabs.give(pages[part % 2]!);
      const page = await tabs.take();
      open();
      if (part < 2 * TAB_USES) expect(page).toBe(pages[part % 2]);
      else expect(pages).not.toContain(page);
      pages[part % 2] = page;
    }
    expect(made()).toBe(3);
    tabs.give(pages[0]!);
    tabs.give(pages[1]!);
    await tabs.close();
    expect(closed).toHaveLength(3);
  });
});
