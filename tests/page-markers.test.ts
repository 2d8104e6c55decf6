import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { insertPageMarkers } from '../src/editions/epub/page-markers.js';

const tree = (): Root => ({
  type: 'root',
  children: [
    h('p', { dataBlock: '0' }, ['The revolt was ', h('em', 'crushed'), ' by government forces.']),
    h('ul', [h('li', { dataBlock: '1' }, 'First item')]),
  ],
});

const marker = (page: number) => `<span id="page-${page}" class="pagebreak" epub:type="pagebreak" role="doc-pagebreak" aria-label="${page}"></span>`;

describe('insertPageMarkers', () => {
  it('places a marker at a word boundary, moving back from inside a word', () => {
    const t = tree();
    const markers = insertPageMarkers(t, [{ page: 7, block: '0', offset: 27 }]); // inside "by government": "gov|ernment"
    expect(markers).toEqual([{ page: 7, label: '7', id: 'page-7' }]);
    expect(toHtml(t)).toContain(`crushed</em> by ${marker(7)}government forces.`);
  });

  it('descends into inline elements', () => {
    const t = tree();
    insertPageMarkers(t, [{ page: 3, block: '0', offset: 17 }]);
    expect(toHtml(t)).toContain(`<em>${marker(3)}crushed</em>`);
  });

  it('puts a marker before a block that starts the page, but stays inside list items', () => {
    const t = tree();
    insertPageMarkers(t, [
      { page: 2, block: '0', offset: 0 },
      { page: 4, block: '1', offset: 0 },
    ]);
    const html = toHtml(t);
    expect(html.startsWith(`${marker(2)}<p>`)).toBe(true);
    expect(html).toContain(`<li>${marker(4)}First item</li>`);
    expect(html).not.toContain('data-block');
  });

  it('puts a page that starts right after a link before the words after it, not inside the link', () => {
    const t: Root = { type: 'root', children: [h('p', { dataBlock: '0' }, ['As ', h('a', { href: '#f' }, 'Figure 3'), ' shows.'])] };
    insertPageMarkers(t, [{ page: 5, block: '0', offset: 11 }]); // "As Figure 3|"
    expect(toHtml(t)).toContain(`<a href="#f">Figure 3</a>${marker(5)} shows.`);
  });

  it('finds the start of a word in a language without spaces (Japanese), not the start of the clause', () => {
    const t: Root = { type: 'root', children: [h('p', { dataBlock: '0' }, '活字を組む植字工は、原稿を読みながら一字ずつ拾った。')] };
    insertPageMarkers(t, [{ page: 9, block: '0', offset: 20 }], 'ja');
    const html = toHtml(t);
    const at = html.indexOf('<span');
    // The marker stays within a few characters of the page's start, at a word's start.
    expect(at).toBeGreaterThan('<p>'.length + 15);
    expect(html.replace(/<span[^>]*><\/span>/, '')).toBe('<p>活字を組む植字工は、原稿を読みながら一字ずつ拾った。</p>');
  });
});
