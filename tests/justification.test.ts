import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';
import { layoutPage } from './layout-page.js';

/**
 * No line stretched at a page break (pagedjs/pagedjs#349): after layout, the word
 * gaps of headings, captions, table cells, code and the last line of every
 * paragraph are measured against the font's own space.
 */
const layout = layoutPage();
const layOut = layout.layOut;

/** Lines (of the elements that must not be justified, and of last lines) with a gap over 1.6 spaces. */
function stretchedLines(): string[] {
  const canvas = document.createElement('canvas').getContext('2d')!;
  const found: string[] = [];
  const range = document.createRange();
  const check = (element: HTMLElement, lastLineOnly: boolean, page: number) => {
    // The width of a space in the font of the text it is in.
    const spaceOf = (text: Text) => {
      const style = getComputedStyle(text.parentElement!);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return canvas.measureText(' ').width + (Number.parseFloat(style.wordSpacing) || 0);
    };
    const gaps: Array<{ top: number; width: number; space: number }> = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      // Not text inside an element checked on its own, nor a no-break space (fixed width).
      if (node.parentElement?.closest('h1, h2, h3, h4, h5, h6, figcaption, caption, td, th, pre, p, li') !== element) continue;
      const space = spaceOf(node);
      for (let i = node.data.indexOf(' '); i !== -1; i = node.data.indexOf(' ', i + 1)) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0) gaps.push({ top: Math.round(rect.top), width: rect.width, space });
      }
    }
    if (gaps.length === 0) return;
    // The last line: where the element's last piece of text is.
    range.selectNodeContents(element);
    const last = Math.max(...Array.from(range.getClientRects(), (rect) => (rect.width > 0 ? rect.top : Number.NEGATIVE_INFINITY)));
    const halfLine = Number.parseFloat(getComputedStyle(element).fontSize) / 2;
    for (const gap of gaps) {
      if (lastLineOnly && Math.abs(gap.top - last) > halfLine) continue;
      if (gap.width > gap.space * 1.6 + 0.5) {
        found.push(
          `p.${page} <${element.tagName.toLowerCase()}> gap ${gap.width.toFixed(1)}px (space ${gap.space.toFixed(1)}px): ${element.textContent!.trim().slice(0, 50)}`,
        );
        return;
      }
    }
  };
  document.querySelectorAll('.pagedjs_page').forEach((sheet, index) => {
    for (const element of sheet.querySelectorAll<HTMLElement>('.pagedjs_area :is(h1, h2, h3, h4, h5, h6, figcaption, caption, td, th, pre)'))
      check(element, false, index + 1);
    // A paragraph's last line, unless the paragraph goes on on the next page.
    for (const element of sheet.querySelectorAll<HTMLElement>('.pagedjs_area :is(p, li):not([data-split-to])')) check(element, true, index + 1);
  });
  return found;
}

describe('justification at page breaks', () => {
  it.each([
    ['the manuscript', 'manuscript'],
    ['a long article (A5)', 'tests/corpus/01-thames-tunnel'],
    ['a battle with an infobox (A4)', 'tests/corpus/03-battle-of-lepanto'],
    ['code (6x9)', 'tests/corpus/20-code-heavy'],
    ['tables (A5)', 'tests/corpus/19-table-heavy'],
    ['notes (6x9)', 'tests/corpus/17-footnote-heavy'],
  ])('stretches no heading, caption, cell, code or last line: %s', async (_name, root) => {
    await layOut(path.join(repoRoot, root));
    expect(await layout.page().evaluate(stretchedLines)).toEqual([]);
  });

  it('finds a stretched line when there is one', async () => {
    await layOut(path.join(repoRoot, 'tests/corpus/01-thames-tunnel'));
    await layout.page().evaluate(() => {
      for (const heading of document.querySelectorAll<HTMLElement>('.pagedjs_area h2')) heading.style.cssText = 'text-align: justify; text-align-last: justify';
      const paragraph = document.querySelectorAll<HTMLElement>('.pagedjs_area p:not([data-split-to])')[3]!;
      paragraph.style.textAlignLast = 'justify';
    });
    const found = await layout.page().evaluate(stretchedLines);
    expect(found.some((line) => line.includes('<h2>'))).toBe(true);
    expect(found.some((line) => line.includes('<p>'))).toBe(true);
  });
});
