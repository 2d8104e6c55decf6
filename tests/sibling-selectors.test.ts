import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { markSiblings, staticSiblingSelectors } from '../src/editions/pdf/sibling-selectors.js';
import { tempDirs, writeFiles } from './helpers.js';
import { layoutPage } from './layout-page.js';

const temp = tempDirs();
const layout = layoutPage();

/** A one-chapter book with a house style sheet, in a new folder. */
async function styledBook(chapter: string, css: string): Promise<string> {
  const dir = await temp();
  await writeFiles(dir, {
    'book.yaml':
      'title: Siblings\nlanguage: en\ncreator: A\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a12\nstyles: [styles/house.css]\nchapters: [chapters/one.md]\n',
    'chapters/one.md': chapter,
    'styles/house.css': css,
  });
  return dir;
}

describe('staticSiblingSelectors', () => {
  it('replaces each selector with a + or ~ combinator by a class, keeping its pseudo-element', () => {
    const { css, classes } = staticSiblingSelectors([
      'h1 + p::first-letter { color: red } h1 + p::first-line, em { font-variant: small-caps }',
      '@media print { h2 ~ p:first-letter { color: blue } } p { margin: 0 } :not(.a, .b) + p { text-indent: 0 }',
      'p:hover + p { color: green } li:nth-child(2n+1) { color: grey } p:has(+ .b) { color: teal }',
    ]);
    expect(classes).toEqual([
      { selector: 'h1+p', className: 'galley-sibling-1' },
      { selector: 'h2~p', className: 'galley-sibling-2' },
      { selector: ':not(.a,.b)+p', className: 'galley-sibling-3' },
    ]);
    expect(css[0]).toBe('.galley-sibling-1::first-letter{color:red}.galley-sibling-1::first-line,em{font-variant:small-caps}');
    expect(css[1]).toBe('@media print{.galley-sibling-2::first-letter{color:blue}}p{margin:0}.galley-sibling-3{text-indent:0}');
    // What needs a browser (:hover, :has) and what has no sibling combinator is left as it was.
    expect(css[2]).toBe('p:hover + p { color: green } li:nth-child(2n+1) { color: grey } p:has(+ .b) { color: teal }');
  });

  it('marks the elements each selector matches in the whole document', () => {
    const { classes } = staticSiblingSelectors(['h1 + p::first-letter { color: red } :not(.a, .b) + p { color: blue } h2 ~ p { color: green }']);
    const tree = h(null, [h('section', [h('h1', 'One'), h('p.a', 'first'), h('p', 'second'), h('h2', 'Two'), h('p.b', 'third'), h('p', 'fourth')])]);
    markSiblings(tree, classes);
    const classOf = (text: string) =>
      (tree.children[0] as ReturnType<typeof h>).children.flatMap((node) =>
        node.type === 'element' && node.children[0]?.type === 'text' && node.children[0].value === text ? [node.properties.className] : [],
      )[0];
    // 1: h1 + p, 2: :not(.a, .b) + p, 3: h2 ~ p.
    expect(classOf('first')).toEqual(['a', 'galley-sibling-1', 'galley-sibling-2']);
    expect(classOf('second')).toBeUndefined();
    expect(classOf('third')).toEqual(['b', 'galley-sibling-2', 'galley-sibling-3']);
    expect(classOf('fourth')).toEqual(['galley-sibling-3']);
    expect(classOf('One')).toBeUndefined();
  });
});

describe('sibling selectors in a house style, in print', () => {
  it('draw an initial after a heading, reach a sibling on another page and do not stop the layout', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the chapter, long enough to fill a few lines of the page with words.`).join(
      '\n\n',
    );
    const dir = await styledBook(
      `# One\n\nFirst paragraph.\n\n${long}\n\n## Two {.last}\n\nAfter the second heading.\n`,
      [
        '.chapter > h1 + p::first-letter { font-size: 40px; color: rgb(200, 0, 0); }',
        '.chapter > h1 ~ p { letter-spacing: 1px; }',
        // Paged.js cut this at the comma inside :not() and stopped the layout.
        'p:not(.x, .y) + p { word-spacing: 3px; }',
      ].join('\n'),
    );
    await layout.layOut(dir);
    const seen = await layout.page().evaluate(() => {
      const paragraphs = [...document.querySelectorAll<HTMLElement>('.pagedjs_page .chapter > p')];
      const sheetOf = (element: Element) => element.closest('.pagedjs_page')?.id;
      const first = paragraphs[0]!;
      const last = paragraphs.at(-1)!;
      return {
        pages: document.querySelectorAll('.pagedjs_page').length,
        initial: getComputedStyle(first, '::first-letter').fontSize,
        initialColour: getComputedStyle(first, '::first-letter').color,
        secondInitial: getComputedStyle(paragraphs[1]!, '::first-letter').fontSize,
        lastSpacing: getComputedStyle(last).letterSpacing,
        lastOnOtherPage: sheetOf(last) !== sheetOf(first),
        spacing: paragraphs.map((p) => getComputedStyle(p).wordSpacing),
      };
    });
    expect(seen.pages).toBeGreaterThan(1);
    expect(seen).toMatchObject({ initial: '40px', initialColour: 'rgb(200, 0, 0)', lastSpacing: '1px', lastOnOtherPage: true });
    // Every paragraph after a paragraph, on every page; not the first (after the heading).
    expect(seen.spacing[0]).toBe('0px');
    expect(seen.spacing.slice(1, -1).every((spacing) => spacing === '3px')).toBe(true);
    expect(seen.secondInitial).not.toBe('40px');
  });
});

describe('selectors Chromium or hast-util-select cannot read, in print', () => {
  it('match nothing and do not stop the layout', async () => {
    const rules = [
      ':where(.x) + p',
      ':where(.x, .y) ~ p',
      'p:nth-child(2n+1 of .x) + p',
      'p:unknownpseudo + p',
      'p:matches(.a) + p',
      '::slotted(p) + p',
      'p::part(x) + p',
      '.x:nth-of-type(2n of p)',
    ];
    // (And one that Chromium reads, left to it: every paragraph after a paragraph.)
    const dir = await styledBook(
      '# One\n\nFirst paragraph.\n\nSecond.\n\nThird.\n',
      [...rules.map((rule) => `${rule} { color: red; }`), 'p + :where(p) { color: blue; }'].join('\n'),
    );
    await layout.layOut(dir);
    const colours = await layout.page().evaluate(() => Array.from(document.querySelectorAll('.pagedjs_page .chapter p'), (p) => getComputedStyle(p).color));
    expect(colours).toHaveLength(3);
    expect(colours.slice(1)).toEqual(['rgb(0, 0, 255)', 'rgb(0, 0, 255)']);
    expect(colours[0]).not.toBe('rgb(255, 0, 0)');
  });
});

describe("an opening's first line in a house style", () => {
  it('is styled on its first page only, not where the paragraph goes on', async () => {
    const long = Array.from({ length: 90 }, () => 'The compositor set the line, justified it and passed on to the next.').join(' ');
    const dir = await styledBook(`# One\n\n${long}\n`, '.chapter > h1 + p::first-line { text-transform: uppercase; letter-spacing: 2px; }\n');
    await layout.layOut(dir);
    const pieces = await layout.page().evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.pagedjs_page .chapter > p'), (p) => ({
        continued: p.hasAttribute('data-split-from'),
        transform: getComputedStyle(p, '::first-line').textTransform,
      })),
    );
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]).toEqual({ continued: false, transform: 'uppercase' });
    for (const piece of pieces.slice(1)) expect(piece).toEqual({ continued: true, transform: 'none' });
  });
});
