import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element as HastElement, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { LONGEST_PAGE_NOTE, rehypePageFootnotes } from '../src/editions/pdf/plugins/rehype-page-footnotes.js';
import { verifyPages } from '../src/editions/pdf/paginate.js';
import { makeBook } from '../src/build/make-book.js';
import { htmlEdition } from '../src/editions/html/html-edition.js';
import { repoRoot, tempDirs } from './helpers.js';
import { layoutPage } from './layout-page.js';

/** A chapter as GFM makes it: calls in the text, the notes in a section at its end. */
const chapter = (body: string, notes: string) =>
  fromHtml(
    `<section class="chapter">${body}<section data-footnotes class="footnotes"><h2 class="sr-only" id="c-footnote-label">Notes</h2><ol>${notes}</ol></section></section>`,
    { fragment: true },
  ) as Root;
const call = (label: string, n: number, again = '') =>
  `<sup><a href="#c-fn-${label}" id="c-fnref-${label}${again}" data-footnote-ref aria-describedby="c-footnote-label">${n}</a></sup>`;
const note = (label: string, html: string) => `<li id="c-fn-${label}">${html}</li>`;
const back = (label: string) => ` <a href="#c-fnref-${label}" data-footnote-backref class="data-footnote-backref">↩</a>`;
const run = (tree: Root) => {
  rehypePageFootnotes()(tree);
  return tree;
};

describe('rehypePageFootnotes (the print edition’s notes)', () => {
  it('puts each note right after its first call, numbered, without back links, and drops the emptied notes section', () => {
    const tree = run(
      chapter(
        `<p>One${call('a', 1)} and two${call('b', 2)}, one again${call('a', 1, '-2')}.</p>`,
        note('a', `<p>Note A.${back('a')}</p>`) + note('b', `<p>Note B, first.</p><p>Second paragraph.${back('b')}</p>`),
      ),
    );
    expect(toHtml(tree)).toBe(
      '<section class="chapter"><p>One<sup><a href="#c-fn-a" id="c-fnref-a" data-footnote-ref="">1</a></sup>' +
        '<span class="galley-footnote"><span class="galley-footnote-number" id="c-fn-a">1</span> <span data-galley-as="p-first" role="paragraph">Note A.</span></span>' +
        ' and two<sup><a href="#c-fn-b" id="c-fnref-b" data-footnote-ref="">2</a></sup>' +
        '<span class="galley-footnote"><span class="galley-footnote-number" id="c-fn-b">2</span> <span data-galley-as="p-first" role="paragraph">Note B, first.</span><span data-galley-as="p" role="paragraph">Second paragraph.</span></span>' +
        ', one again<sup><a href="#c-fn-a" id="c-fnref-a-2" data-footnote-ref="">1</a></sup>.</p></section>',
    );
  });

  it('puts a note called from a table or a heading after that block, in the order of the calls', () => {
    const tree = run(
      chapter(
        `<h2>Heading${call('h', 1)}</h2><table><tr><td>Cell${call('t', 2)}</td><td>Cell${call('u', 3)}</td></tr></table><p>After.</p>`,
        note('h', '<p>H.</p>') + note('t', '<p>T.</p>') + note('u', '<p>U.</p>'),
      ),
    );
    const section = select('section.chapter', tree)!;
    const order = section.children
      .filter((node): node is HastElement => node.type === 'element')
      .map((node) => (node.tagName === 'span' ? `note ${select('.galley-footnote-number', node)?.properties.id}` : node.tagName));
    expect(order).toEqual(['h2', 'note c-fn-h', 'table', 'note c-fn-t', 'note c-fn-u', 'p']);
    // The layout verifier looks for those notes where the block ends.
    expect(select('table', tree)?.properties.dataGalleyNotesAfter).toBe('c-fn-t c-fn-u');
  });

  it('puts a note called from a heading at the start of the paragraph after it', () => {
    const tree = run(chapter(`<h2>Heading${call('h', 1)}</h2><p>Text.</p>`, note('h', '<p>H.</p>')));
    expect(toHtml(select('p', tree)!)).toMatch(/^<p><span class="galley-footnote"><span class="galley-footnote-number" id="c-fn-h">1<\/span>/);
  });

  it('leaves a note longer than LONGEST_PAGE_NOTE at the chapter end, with its number', () => {
    const long = 'word '.repeat(LONGEST_PAGE_NOTE / 5 + 1);
    const tree = run(chapter(`<p>A${call('a', 1)} B${call('b', 2)}</p>`, note('a', `<p>${long}</p>`) + note('b', '<p>Short.</p>')));
    expect(selectAll('section[data-footnotes] li', tree).map((item) => [item.properties.id, item.properties.value])).toEqual([['c-fn-a', '1']]);
    expect(selectAll('.galley-footnote-number', tree).map((n) => n.properties.id)).toEqual(['c-fn-b']);
  });

  it('keeps blocks as spans with roles, and leaves a note called only from another note in the notes section', () => {
    const tree = run(
      chapter(
        `<p>Call${call('outer', 1)}.</p>`,
        note('outer', `<p>Outer${call('inner', 2)}.</p><ul><li>item</li></ul><pre><code>code</code></pre>`) + note('inner', '<p>Inner.</p>'),
      ),
    );
    const moved = select('p .galley-footnote', tree)!;
    expect(selectAll('[data-galley-as]', moved).map((node) => `${node.tagName} ${node.properties.dataGalleyAs} ${node.properties.role ?? ''}`)).toEqual([
      'span p-first paragraph',
      'span ul list',
      'span li listitem',
      'span pre ',
    ]);
    expect(selectAll('section[data-footnotes] li', tree).map((node) => node.properties.id)).toEqual(['c-fn-inner']);
  });

  it('leaves a chapter without notes as it is', () => {
    const tree = fromHtml('<section><p>No notes.</p></section>', { fragment: true }) as Root;
    const before = toHtml(tree);
    expect(toHtml(run(tree))).toBe(before);
  });
});

describe('footnote labels', () => {
  const temp = tempDirs();

  it('may be any text: Arabic, Chinese, `#`, quotes, `%`, `<` (ids are the labels, links percent-encode them)', async () => {
    const root = await temp();
    await mkdir(path.join(root, 'chapters'));
    await writeFile(
      path.join(root, 'book.yaml'),
      'title: Labels\nlanguage: en\ncreator: T\nidentifier: urn:uuid:11111111-2222-4333-8444-555555555698\nchapters:\n  - chapters/one.md\n',
    );
    const labels = ['ملاحظة', '注', 'a#b', 'a"b', '50%', 'a<b'];
    await writeFile(
      path.join(root, 'chapters', 'one.md'),
      `# Labels\n\n${labels.map((label) => `Text.[^${label}]`).join(' ')}\n\n${labels.map((label) => `[^${label}]: Note ${label}.`).join('\n\n')}\n`,
    );
    const html = fromHtml(await htmlEdition(await makeBook(root)));
    const calls = selectAll('a[data-footnote-ref]', html).map((a) => decodeURIComponent(String(a.properties.href).slice(1)));
    expect(calls).toEqual(labels.map((label) => `one-fn-${label}`));
    for (const id of calls) expect(select(`[id="${id.replace(/["\\]/g, '\\$&')}"]`, html), id).toBeDefined();
    // Every link is a valid URI reference: nothing but the fragment's own `#`.
    for (const a of selectAll('a[href^="#"]', html)) expect(String(a.properties.href)).toMatch(/^#[^#\s"<>]*$/);
  });
});

describe('page footnotes, laid out', () => {
  const layout = layoutPage();

  it('prints each note at the foot of the page of its call, numbered per chapter; a note too long for its page goes on on the next; no text lost', async () => {
    await layout.layOut(path.join(repoRoot, 'tests', 'fixtures', 'pdf', 'page-footnotes'));
    const found = await layout.page().evaluate(() => {
      const pageOf = (node: Element | null) => {
        const sheet = node?.closest('.pagedjs_page');
        return sheet ? Array.prototype.indexOf.call(sheet.parentElement!.children, sheet) + 1 : null;
      };
      const notes = Array.from(document.querySelectorAll<HTMLElement>('.galley-footnote-number[id]')).map((number) => {
        const call = document.querySelector(`a[data-footnote-ref][href="#${CSS.escape(number.id)}"]`);
        return {
          id: number.id,
          number: number.textContent,
          call: call?.textContent,
          notePage: pageOf(number),
          callPage: pageOf(call),
          atFoot: number.closest('.pagedjs_footnote_area') !== null,
        };
      });
      // Pieces of notes that go on on a later page.
      const continued = Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_footnote_area .galley-footnote[data-split-from]')).map((piece) =>
        pageOf(piece),
      );
      // What each page's text starts with: never a note's call.
      const startsWithCall = Array.from(document.querySelectorAll('.pagedjs_page_content')).filter((content) => {
        const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        while (walker.nextNode())
          if ((walker.currentNode as Text).data.trim() !== '') return walker.currentNode.parentElement?.closest('[data-footnote-ref]') !== null;
        return false;
      }).length;
      // The running heads: a heading's title without its note's call.
      const heads = new Set(
        Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page')).map((sheet) =>
          sheet.style.getPropertyValue('--pagedjs-string-first-section').trim(),
        ),
      );
      // The note too long for the foot of a page, at the chapter's end with its number.
      const huge = document.querySelector<HTMLLIElement>('section[data-footnotes] li[id$="fn-huge"]');
      return {
        notes,
        continued,
        startsWithCall,
        heads: [...heads],
        huge: huge ? [huge.value, document.querySelector(`a[href="#${huge.id}"]`)?.textContent] : null,
      };
    });
    expect(found.notes.length).toBe(23);
    for (const note of found.notes) {
      expect(note, note.id).toMatchObject({ atFoot: true, call: note.number, notePage: note.callPage });
    }
    // Numbered per chapter: the second chapter starts again at 1.
    expect(found.notes.filter((note) => note.id.startsWith('two-')).map((note) => note.number)).toEqual(['1', '2']);
    expect(found.continued.length).toBeGreaterThan(0);
    expect(found.startsWithCall).toBe(0);
    expect(found.huge).toEqual([19, '19']);
    expect(found.heads.filter((head) => head.includes('A heading with a note'))).toEqual(['"A heading with a note']); // (Paged.js keeps the string without its closing quote)
    expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems).toEqual([]);
  });

  it('the layout verifier finds a note moved away from the page of its call', async () => {
    await layout.layOut(path.join(repoRoot, 'tests', 'fixtures', 'pdf', 'page-footnotes'));
    await layout.page().evaluate(() => {
      const areas = Array.from(document.querySelectorAll('.pagedjs_footnote_inner_content')).filter((area) => area.querySelector('.galley-footnote'));
      areas[1]!.append(areas[0]!.querySelector('.galley-footnote')!);
    });
    const found = (await verifyPages(layout.page(), { timeout: 60_000 })).problems;
    expect(found.map((p) => [p.kind, p.found])).toEqual([['note-away', 'its call on page 5']]);
  });

  it('checks a note called from the text and from another note against its call in the text; a call after a line break; a call that ends a line', async () => {
    for (const name of ['footnote-shared-note', 'footnote-after-line-break', 'footnote-call-at-line-end']) {
      await layout.layOut(path.join(repoRoot, 'tests', 'fixtures', 'pdf', name));
      expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems, name).toEqual([]);
    }
    // Every one of the 22 notes is at the foot of a page (the 14th was dropped, its call kept).
    expect(await layout.page().evaluate(() => document.querySelectorAll('.pagedjs_footnote_area .galley-footnote').length)).toBe(22);
  });

  it('never starts a page with a call: the line of the word it follows goes on with it (a book of 48 notes)', async () => {
    await layout.layOut(path.join(repoRoot, 'tests', 'corpus', '17-footnote-heavy'));
    const found = await layout.page().evaluate(() => {
      const contents = Array.from(document.querySelectorAll('.pagedjs_page_content'));
      const startsWithCall = contents.filter((content) => {
        const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        while (walker.nextNode())
          if ((walker.currentNode as Text).data.trim() !== '') return walker.currentNode.parentElement?.closest('[data-footnote-ref]') !== null;
        return false;
      }).length;
      return { startsWithCall, notes: document.querySelectorAll('.pagedjs_footnote_area .galley-footnote:not([data-split-from])').length };
    });
    expect(found).toEqual({ startsWithCall: 0, notes: 48 });
    expect((await verifyPages(layout.page(), { timeout: 60_000 })).problems).toEqual([]);
  });
});
