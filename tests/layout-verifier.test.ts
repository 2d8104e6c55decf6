import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayoutProblem } from '../src/editions/pdf/in-page/verify-text.js';
import { verifyPages } from '../src/editions/pdf/paginate.js';
import { printPdf } from '../src/editions/pdf/print-pdf.js';
import { Deadline } from '../src/editions/pdf/deadline.js';
import { reportTextOnPages } from '../src/editions/pdf/text-on-pages.js';
import { htmlEdition } from '../src/editions/html/html-edition.js';
import { sourceFiles } from '../src/model/book.js';
import { messagesOf } from '../src/shared/messages.js';
import { fixtures, formatAll, repoRoot, tempDirs, writeFiles } from './helpers.js';
import { layoutPage } from './layout-page.js';
import { compareWords } from './pdf-words.js';
import { pdfText } from './pdf-tools.js';

/**
 * The layout verifier, which every print build runs: the pages must hold the
 * manuscript's text, all of it, once, in order, drawn, on the sheet. Shown on
 * Paged.js's own page breaking (Galley's fixes off), and on faults put into a
 * good layout by hand.
 */
const layout = layoutPage();
const layOut = layout.layOut;

const manuscript = path.join(repoRoot, 'manuscript');
const temp = tempDirs();

const problems = async () => (await verifyPages(layout.page(), { timeout: 60_000 })).problems;
const brief = (list: readonly LayoutProblem[]) => list.map((p) => `${p.kind} p.${p.page}: ${p.text}${p.found === undefined ? '' : ` ≠ ${p.found}`}`);

describe('on a good layout', () => {
  it('finds nothing in the manuscript or the corpus', async () => {
    await layOut(manuscript);
    expect(await problems()).toEqual([]);
    await layOut(path.join(repoRoot, 'tests', 'corpus', '01-thames-tunnel'));
    expect(await problems()).toEqual([]);
  });
});

describe('characters that draw nothing by design', () => {
  it('between two inline elements, are neither text lost nor out of order (a zero-width space, joiner or non-joiner, a word joiner, a soft hyphen)', async () => {
    const root = await temp();
    const between = ['\u200b', '&#x200b;', '\u200c', '\u200d', '\u2060', '&shy;', '\ufeff'];
    await writeFiles(root, {
      'book.yaml':
        'title: Invisible\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444494\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Invisible\n\n${between.map((mark) => `Alpha *beta*${mark}**gamma** delta.`).join('\n\n')}\n`,
    });
    await layOut(root);
    expect(await problems()).toEqual([]);
  });
});

describe('text whose words recur in its paragraph', () => {
  it('is laid out once: a page goes on from the text its overflow starts in (Paged.js found it by its content: pagedjs#208)', async () => {
    const root = await temp();
    const words = 'timber engine pressure masonry pump brick clay stone gallery river tunnel survey harbour crown lamp'.split(' ');
    const emphases = Array.from({ length: 700 }, (_x, i) => `*${words[i % 15]}*`).join(' ');
    const links = Array.from({ length: 500 }, (_x, i) => `[${words[i % 15]}](https://ex.org/${i})`).join(' and ');
    await writeFiles(root, {
      'book.yaml':
        'title: Repeats\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444497\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Repeats\n\n${emphases}\n\n${links}\n`,
    });
    await layOut(root);
    expect(await problems()).toEqual([]);
    // Poppler reads each word as often as the manuscript has it.
    const file = path.join(await temp(), 'book.pdf');
    await writeFile(file, await printPdf(layout.page(), new Deadline({ total: 60_000 })));
    const text = await pdfText(file);
    expect(text.match(/\band\b/g)).toHaveLength(499);
    expect(text.match(/\btimber\b/g)).toHaveLength(47 + 34);
  });
});

describe("on Paged.js's own page breaking (Galley's fixes off)", () => {
  it('finds the words split one letter off at page ends', async () => {
    await layOut(path.join(repoRoot, 'tests', 'corpus', '01-thames-tunnel'), { breaks: false, tableColumns: false });
    expect(brief(await problems())).toMatchInlineSnapshot(`
      [
        "clipped p.10: Tunnelling began in November 1825. Progress was initially good, though the groun…",
        "clipped p.10: Tunnelling began in November 1825. Progress was initially good, though the groun…",
        "clipped p.10: Tunnelling began in November 1825. Progress was initially good, though the groun…",
        "changed p.7: …t 1,200 feet wide, and commissioned a geological survey consisting of a series o… ≠ …t 1,200 feet wide, and commiss-ioned a geological survey consisting of a series …",
        "changed p.10: …ed. His place was taken by Isambard Kingdom Brunel, then twenty years old, who e… ≠ …ed. His place was taken by Isa-mbard Kingdom Brunel, then twenty years old, who …",
        "changed p.15: …and earth-pressure-balance machines of the late twentieth century included — fol… ≠ …and earth-pressure-balance mac-hines of the late twentieth century included — fo…",
      ]
    `);
  });

  it('and so does poppler, reading the PDF printed from it (a check Galley did not write)', async () => {
    const book = await layOut(path.join(repoRoot, 'tests', 'corpus', '01-thames-tunnel'), { breaks: false, tableColumns: false });
    const dir = await temp();
    await writeFile(path.join(dir, 'book.pdf'), await printPdf(layout.page(), new Deadline({ total: 60_000 })));
    const html = await htmlEdition(book);
    await writeFile(path.join(dir, 'book.html'), html);
    const report = await compareWords(path.join(dir, 'book.pdf'), path.join(dir, 'book.html'), book.config.language);
    expect(report.badSplits).toEqual(['commiss-ioned', 'mac-hines']);
    // The lines the verifier found clipped on page 10.
    const clipped = 'was resident Isambard recorded diary April 1826 William Armstrong fell resigned His taken';
    expect(report.missing).toEqual(clipped.split(' ').map((word) => [word, 1]));
    // A sentence the pages do not have is found missing.
    await writeFile(path.join(dir, 'more.html'), html.replace('</main>', '<p>Zebras quietly yodelled underneath.</p></main>'));
    const more = await compareWords(path.join(dir, 'book.pdf'), path.join(dir, 'more.html'), book.config.language);
    expect(more.missing).toEqual([...report.missing, ['Zebras', 1], ['quietly', 1], ['yodelled', 1], ['underneath', 1]]);
  });

  it('finds a table pushed off the page by words longer than its columns', async () => {
    // Fixed by laying each table out whole at the page's width first, and
    // freezing its columns (the wide ones narrower, their long words broken).
    const fixture = fixtures('pdf', 'table-long-words');
    await layOut(fixture, { breaks: true, tableColumns: false });
    expect(new Set((await problems()).map((p) => p.kind))).toEqual(new Set(['clipped']));
    await layOut(fixture);
    expect(await problems()).toEqual([]);
  });

  it('finds words run together where a paragraph goes on on a new page (pagedjs#285)', async () => {
    const root = await temp();
    const filler = 'Plain words fill this page of the book. '.repeat(60);
    await writeFiles(root, {
      'book.yaml':
        'title: Spaces\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444498\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Spaces\n\n${filler}Then *alpha* *beta* and \`gamma\` \`delta\` end.\n`,
    });
    await layOut(root, { breaks: false, tableColumns: true });
    expect(brief(await problems())).toEqual([
      'changed p.6: … page of the book. Then alpha beta and gamma delta end. ≠ …s page of the book. Then alphabeta and gammadelta end.',
    ]);
    await layOut(root);
    expect(await problems()).toEqual([]);
  });

  it('finds the same in the manuscript', async () => {
    await layOut(manuscript, { breaks: false, tableColumns: false });
    const found = await problems();
    expect(found.length).toBeGreaterThan(0);
    for (const problem of found) expect(problem.kind).toBe('changed');
  });
});

describe('on faults put into a good layout', () => {
  /** Lay the manuscript out, change the pages in the browser, check them again. */
  async function withFault(fault: (arg: string[]) => void, recheck = false, arg: string[] = [], root = manuscript): Promise<LayoutProblem[]> {
    await layOut(root);
    await layout.page().evaluate(fault, arg);
    if (recheck) {
      await layout.page().evaluate(() => {
        const state = (window as unknown as { __galley: { problems: unknown[]; checkPage(sheet: Element): void } }).__galley;
        for (const sheet of document.querySelectorAll('.pagedjs_page')) state.checkPage(sheet);
      });
    }
    return problems();
  }

  it('finds a line lost from a page', async () => {
    const found = await withFault(() => {
      const text = document.querySelectorAll('.pagedjs_page')[4]!.querySelector('.pagedjs_area p')!.firstChild as Text;
      text.data = text.data.slice(0, 40) + text.data.slice(120);
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'changed', page: 5 });
  });

  it('finds a paragraph lost whole', async () => {
    const found = await withFault(() => {
      const paragraphs = document.querySelectorAll('.pagedjs_page')[5]!.querySelectorAll('.pagedjs_area p');
      paragraphs[paragraphs.length > 2 ? 1 : 0]!.remove();
    });
    expect(found.map((p) => p.kind)).toEqual(['lost']);
  });

  it('finds text laid out twice', async () => {
    const found = await withFault(() => {
      const sheets = document.querySelectorAll('.pagedjs_page');
      const paragraph = sheets[4]!.querySelector('.pagedjs_area p')!;
      sheets[5]!.querySelector('.pagedjs_area p')!.before(paragraph.cloneNode(true));
    });
    expect(found.map((p) => p.kind)).toEqual(['duplicated']);
  });

  it('finds paragraphs out of order', async () => {
    const found = await withFault(() => {
      const paragraphs = document.querySelectorAll('.pagedjs_page')[5]!.querySelectorAll('.pagedjs_area p');
      paragraphs[0]!.before(paragraphs[1]!);
    });
    expect(found.map((p) => [p.kind, p.page])).toEqual([['reordered', 6]]);
  });

  it.each([
    ['the space between two words', 'join'],
    ['a space inside a word', 'split'],
    ['the space before an element', 'before'],
  ])('finds %s lost or added', async (_name, change) => {
    const found = await withFault(
      ([kind]) => {
        const text = document.querySelectorAll('.pagedjs_page')[4]!.querySelector('.pagedjs_area p')!.firstChild as Text;
        const at = text.data.indexOf(' ', 20);
        if (kind === 'join') text.data = text.data.slice(0, at) + text.data.slice(at + 1);
        if (kind === 'split') text.data = `${text.data.slice(0, at + 3)} ${text.data.slice(at + 3)}`;
        if (kind !== 'before') return;
        const element = Array.from(document.querySelectorAll('.pagedjs_area p > *')).find((e) => / $/.test(e.previousSibling?.textContent ?? ''));
        const before = element!.previousSibling as Text;
        before.data = before.data.trimEnd();
      },
      false,
      [change],
      // (The manuscript has no inline elements in its paragraphs.)
      change === 'before' ? path.join(repoRoot, 'tests', 'corpus', '01-thames-tunnel') : manuscript,
    );
    expect(found.map((p) => p.kind)).toEqual(['changed']);
    expect(found[0]!.page).toBeGreaterThan(1);
  });

  it('finds text that is there but not drawn', async () => {
    const found = await withFault(() => {
      (document.querySelectorAll('.pagedjs_page')[5]!.querySelector('.pagedjs_area p') as HTMLElement).style.display = 'none';
    }, true);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((p) => [p.kind, p.page].join(' ')))).toEqual(new Set(['hidden 6']));
  });

  it.each([
    ['visibility', 'hidden'],
    ['opacity', '0'],
    ['color', 'transparent'],
    ['font-size', '0'],
    ['clip-path', 'inset(50%)'],
  ])('finds text laid out but not seen (%s: %s), on an element or under one', async (property, value) => {
    const found = await withFault(
      (fault) => {
        const paragraphs = document.querySelectorAll('.pagedjs_page')[5]!.querySelectorAll<HTMLElement>('.pagedjs_area p');
        paragraphs[0]!.style.setProperty(fault[0]!, fault[1]!);
        paragraphs[1]!.parentElement!.style.setProperty(fault[0]!, fault[1]!);
      },
      true,
      [property, value],
    );
    expect(new Set(found.map((p) => [p.kind, p.page].join(' ')))).toEqual(new Set(['hidden 6']));
  });

  it('finds text that runs off the page', async () => {
    const found = await withFault(() => {
      const paragraph = document.querySelectorAll('.pagedjs_page')[5]!.querySelector('.pagedjs_area p') as HTMLElement;
      paragraph.style.marginLeft = '60%';
      paragraph.style.width = '200%';
    }, true);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((p) => [p.kind, p.page].join(' ')))).toEqual(new Set(['clipped 6']));
  });

  it('names the chapter file and line of each problem, as errors', async () => {
    const book = await layOut(manuscript);
    await layout.page().evaluate(() => {
      const text = document.querySelectorAll('.pagedjs_page')[4]!.querySelector('.pagedjs_area p')!.firstChild as Text;
      text.data = text.data.slice(0, 40) + text.data.slice(120);
    });
    reportTextOnPages(book, await problems());
    const messages = messagesOf(sourceFiles(book));
    expect(messages.every((m) => m.fatal && m.ruleId === 'text-on-page')).toBe(true);
    expect(formatAll(messages, manuscript)).toMatch(
      /^chapters\/[\w-]+\.md:\d+:1: error: The print edition's layout lost text: “.+” is not on the pages as written on page 5; the pages have “.+” \[text-on-page\]\n$/,
    );
  });
});
