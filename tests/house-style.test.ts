import { execFile } from 'node:child_process';
import { appendFile, cp, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, loadManuscript } from '../src/index.js';
import { epubcheck, readEpub } from './epub-tools.js';
import { fixtures, tempDirs, writeFiles } from './helpers.js';
import { dark, pageText, pdfFonts, renderPage, type Word, wordBoxes } from './pdf-tools.js';
import { accessibilityFindings } from './pdf-accessibility.js';

/**
 * A house style (tests/fixtures/house-style): the classic theme, a custom trim
 * with the book's own margins, running heads, type size and leading, a bleed with
 * crop and registration marks, and an author's style sheet naming a font and an
 * image of the manuscript. Each setting is checked where it shows: the PDF's
 * boxes, fonts, words and pixels, the e-book and the HTML edition.
 */
const exec = promisify(execFile);
const temp = tempDirs();
const root = fixtures('house-style');
const MM = 72 / 25.4;
const trim = { width: 5.5 * 72, height: 8.5 * 72 };
const bleed = 3 * MM;
/** The sheet's margin around the trim: the bleed, then 10 mm for the printer's marks. */
const sheet = bleed + 10 * MM;
let out: string;
let pdf: string;

/** The words of a page with their boxes (points from the sheet's top left), by `pdftotext -bbox`. */
async function words(page: number, file = pdf): Promise<Word[]> {
  return wordBoxes((await exec('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'])).stdout);
}

/** The whole PDF's text. */
const allText = async (file: string) => (await exec('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;

/** Each page's boxes, by `pdfinfo -box`: `[x0, y0, x1, y1]` in points. */
async function boxes(): Promise<Array<Record<string, number[]>>> {
  const { stdout } = await exec('pdfinfo', ['-box', '-f', '1', '-l', '999', pdf]);
  const pages: Array<Record<string, number[]>> = [];
  for (const m of stdout.matchAll(/^Page\s+(\d+) (MediaBox|TrimBox|BleedBox):\s+([\d.\s]+)$/gm)) {
    const index = Number(m[1]) - 1;
    pages[index] = { ...pages[index], [m[2]!]: m[3]!.trim().split(/\s+/).map(Number) };
  }
  return pages;
}

/** A copy of the fixture in a temporary folder, for a test to change. */
async function fixtureCopy(): Promise<string> {
  const dir = await temp();
  await cp(root, dir, { recursive: true });
  return dir;
}

/** `dir` built into a new temporary folder. */
async function buildInto(dir: string, formats: Array<'html' | 'pdf' | 'epub'>) {
  const outDir = await temp();
  return { outDir, result: await build({ root: dir, outDir, formats }) };
}

beforeAll(async () => {
  out = await temp();
  await build({ root, outDir: out });
  pdf = path.join(out, 'the-house-style.pdf');
});

describe('a house style in the PDF', () => {
  it('meets every PDF/UA condition checked here (tests/pdf-accessibility.ts): the marks and bleed are artifacts', async () => {
    expect(await accessibilityFindings(await readFile(pdf))).toEqual([]);
  });

  it('makes each sheet the trim plus the bleed plus room for the marks, with TrimBox and BleedBox where a print shop reads them', async () => {
    const pages = await boxes();
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      const [x0, y0, x1, y1] = page.MediaBox!;
      expect(x1! - x0!).toBeCloseTo(trim.width + 2 * sheet, 0);
      expect(y1! - y0!).toBeCloseTo(trim.height + 2 * sheet, 0);
      const [t0, u0, t1, u1] = page.TrimBox!;
      expect(t1! - t0!).toBeCloseTo(trim.width, 2);
      expect(u1! - u0!).toBeCloseTo(trim.height, 2);
      expect(t0).toBeCloseTo(sheet, 0);
      expect(x1! - t1!).toBeCloseTo(t0! - x0!, 2);
      // The BleedBox: the trim and 3 mm all round, the marks outside it.
      const [b0, c0, b1, c1] = page.BleedBox!;
      expect([t0! - b0!, u0! - c0!, b1! - t1!, c1! - u1!].map((side) => Math.round(side * 10) / 10)).toEqual(Array(4).fill(Math.round(bleed * 10) / 10));
    }
  });

  it("cuts a page an author's sheet sizes itself (`@page { size: 6in 9in }`) at the sheet's margin", async () => {
    const dir = await fixtureCopy();
    await appendFile(path.join(dir, 'styles', 'house.css'), '\n@page { size: 6in 9in; }\n');
    const { outDir } = await buildInto(dir, ['pdf']);
    const { stdout } = await exec('pdfinfo', ['-box', '-f', '1', '-l', '3', path.join(outDir, 'the-house-style.pdf')]);
    const trims = [...stdout.matchAll(/TrimBox:\s+([\d.\s]+)$/gm)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    expect(trims.length).toBe(3);
    for (const [x0, y0, x1, y1] of trims) {
      expect(x1! - x0!).toBeCloseTo(6 * 72, 0);
      expect(y1! - y0!).toBeCloseTo(9 * 72, 0);
      expect(x0).toBeCloseTo(sheet, 0);
    }
  });

  it('draws crop marks at the corners and registration marks at the middle of the edges, outside the bleed', async () => {
    const scale = 2;
    const png = await renderPage(pdf, 6, 72 * scale);
    const m = Math.floor(sheet * scale);
    // The marks' room: the sheet's margin less the bleed.
    const room = Math.floor((sheet - bleed) * scale);
    // Crop marks: at the corners, on the trim lines continued into the marks' room.
    for (const [x, y] of [
      [0, 0],
      [png.width - m, 0],
      [0, png.height - m],
      [png.width - m, png.height - m],
    ] as const) {
      expect(dark(png, x - 3, y - 3, x + m + 3, y + m + 3), `crop mark at ${x},${y}`).toBeGreaterThan(0);
    }
    // Registration marks: at the middle of each edge.
    const mid = { x: Math.round(png.width / 2), y: Math.round(png.height / 2) };
    expect(dark(png, mid.x - 20, 0, mid.x + 20, room)).toBeGreaterThan(0);
    expect(dark(png, 0, mid.y - 20, room, mid.y + 20)).toBeGreaterThan(0);
    // Nothing in the bleed (between the marks' room and the trim), on any side: marks end outside the BleedBox.
    expect(dark(png, room + 1, room + 1, png.width - room - 1, m - 1)).toBe(0);
    expect(dark(png, room + 1, png.height - m + 1, png.width - room - 1, png.height - room - 1)).toBe(0);
    expect(dark(png, room + 1, room + 1, m - 1, png.height - room - 1)).toBe(0);
    expect(dark(png, png.width - m + 1, room + 1, png.width - room - 1, png.height - room - 1)).toBe(0);
    // Nothing else in the marks' room: the text stays inside the margins.
    expect(dark(png, m + 4, 0, mid.x - 24, room - 2)).toBe(0);
  });

  it('keeps the registration marks outside a larger bleed too (13 mm: the marks get 20 mm)', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'book.yaml'), (await readFile(path.join(dir, 'book.yaml'), 'utf8')).replace('bleed: 3mm', 'bleed: 13mm'));
    const { outDir } = await buildInto(dir, ['pdf']);
    const scale = 2;
    const png = await renderPage(path.join(outDir, 'the-house-style.pdf'), 6, 72 * scale);
    const [big, room] = [33 * MM * scale, 20 * MM * scale].map(Math.floor) as [number, number];
    expect(png.width).toBe(Math.round((trim.width + 2 * 33 * MM) * scale));
    const mid = { x: Math.round(png.width / 2), y: Math.round(png.height / 2) };
    expect(dark(png, mid.x - 20, 0, mid.x + 20, room)).toBeGreaterThan(0);
    // Nothing in the bleed, on any side.
    expect(dark(png, room + 1, room + 1, png.width - room - 1, big - 1)).toBe(0);
    expect(dark(png, room + 1, png.height - big + 1, png.width - room - 1, png.height - room - 1)).toBe(0);
    expect(dark(png, room + 1, room + 1, big - 1, png.height - room - 1)).toBe(0);
    expect(dark(png, png.width - big + 1, room + 1, png.width - room - 1, png.height - room - 1)).toBe(0);
  });

  it("sets the text in the theme's face and the chapter titles in the house font the style sheet names", async () => {
    const fonts = (await pdfFonts(pdf)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toContain('EBGaramond-Regular');
    expect(fonts).toContain('EBGaramond-Italic');
    // Only the sheet's own file has this weight: the shipped EB Garamond stops at 700.
    expect(fonts).toContain('EBGaramond-ExtraBold');
    expect(fonts.filter((name) => name.startsWith('SourceSerif'))).toEqual([]);
    const opening = await words(5);
    expect(opening.some((word) => word.text === 'Opening')).toBe(true);
  });

  it("sets Greek and Cyrillic in the chosen family, never in a fallback (`font.body: Noto Sans`, and the theme's EB Garamond)", async () => {
    for (const body of ['Noto Sans', undefined]) {
      const dir = await fixtureCopy();
      const yaml = await readFile(path.join(dir, 'book.yaml'), 'utf8');
      if (body) await writeFile(path.join(dir, 'book.yaml'), yaml.replace('font:', `font:\n  body: ${body}`));
      await appendFile(path.join(dir, 'chapters', '01-opening.md'), '\nGreek: Ἐν ἀρχῇ ἦν ὁ λόγος. Russian: *Съешь же ещё этих мягких французских булок.*\n');
      const { outDir } = await buildInto(dir, ['pdf']);
      const file = path.join(outDir, 'the-house-style.pdf');
      const fonts = (await pdfFonts(file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
      const family = body ? 'NotoSans' : 'EBGaramond';
      expect(fonts).toContain(`${family}-Regular`);
      expect(fonts).toContain(`${family}-Italic`);
      expect(fonts.filter((name) => /^Source(Serif|Sans)|^Noto(Serif|Sans)/.test(name) && !name.startsWith(family))).toEqual([]);
      expect(await allText(file)).toMatch(/Ἐν ἀρχῇ ἦν ὁ λόγος[\s\S]*Съешь же ещё/);
    }
  });

  it('keeps the text inside the margins set for the book, mirrored on facing pages', async () => {
    const [top, bottom, inner, outer] = [18 * MM, 20 * MM, 22 * MM, 14 * MM];
    for (const [page, left, right] of [
      [6, outer, inner],
      [7, inner, outer],
    ] as const) {
      const body = (await words(page)).filter((word) => word.yMin > sheet + top + 1 && word.yMax < sheet + trim.height - bottom);
      expect(body.length).toBeGreaterThan(200);
      expect(Math.min(...body.map((w) => w.xMin))).toBeCloseTo(sheet + left, 0);
      // Justified: the longest lines end at the margin.
      expect(Math.max(...body.map((w) => w.xMax))).toBeGreaterThan(sheet + trim.width - right - 1.5);
      expect(Math.max(...body.map((w) => w.xMax))).toBeLessThan(sheet + trim.width - right + 1.5);
    }
  });

  it('sets 10 pt type on 15 pt lines (`font.size: 10`, `leading: 1.5`)', async () => {
    const lines = [...new Set((await words(6)).map((word) => Math.round(word.yMax * 10) / 10))].sort((a, b) => a - b);
    const steps = lines
      .slice(1)
      .map((y, i) => y - lines[i]!)
      .filter((step) => step > 5);
    steps.sort((a, b) => a - b);
    expect(steps[Math.floor(steps.length / 2)]).toBeCloseTo(15, 0);
  });

  it('puts the authors over left-hand pages and the section over right-hand pages, none on an opening page', async () => {
    const firstLine = async (page: number) => (await pageText(pdf, page)).trim().split('\n')[0]!.trim();
    expect(await firstLine(6)).toBe('Ada Typesetter');
    expect(await firstLine(7)).toMatch(/^(Opening|The press|The sheet|The margin)$/);
    expect(await firstLine(5)).toBe('Opening');
    expect((await pageText(pdf, 5)).includes('Ada Typesetter')).toBe(false);
  });

  it('ends a running head too long for the line in an ellipsis, inside the margins', async () => {
    const dir = await fixtureCopy();
    const creators = '[Ada Typesetter of the Very Long Name Society, Bartholomew Fitzwilliam Montgomery-Smythe, Constance Wellington]';
    await writeFile(
      path.join(dir, 'book.yaml'),
      (await readFile(path.join(dir, 'book.yaml'), 'utf8')).replace('creator: Ada Typesetter', `creator: ${creators}`),
    );
    const { outDir } = await buildInto(dir, ['pdf']);
    const head = (await words(6, path.join(outDir, 'the-house-style.pdf'))).filter((word) => word.yMax < sheet + 18 * MM);
    expect(head[0]?.text).toBe('Ada');
    expect(head.at(-1)?.text).toMatch(/…$/);
    expect(Math.min(...head.map((w) => w.xMin))).toBeGreaterThan(sheet + 14 * MM - 1);
    expect(Math.max(...head.map((w) => w.xMax))).toBeLessThan(sheet + trim.width - 22 * MM + 1);
  });
});

describe('a house style in the e-book and the HTML edition', () => {
  it('carries the theme, the font settings and the sheet, with the files it names, and passes epubcheck', async () => {
    const file = path.join(out, 'the-house-style.epub');
    const check = await epubcheck(file);
    expect(check.report).toBe('');
    expect(check.ok).toBe(true);
    const epub = await readEpub(file);
    expect(epub.names).toEqual(
      expect.arrayContaining([
        'EPUB/styles/house/1-House-Display.woff2',
        'EPUB/styles/house/2-rule.png',
        'EPUB/fonts/eb-garamond-latin-400-normal.woff2',
        'EPUB/fonts/eb-garamond-latin-400-italic.woff2',
      ]),
    );
    expect(epub.names.filter((name) => name.includes('source-serif'))).toEqual([]);
    const css = epub.text('EPUB/styles/epub.css');
    expect(css).toContain('font-family:"House Display"');
    expect(css).toContain('url(house/1-House-Display.woff2)');
    expect(css).toContain("html { font-family: 'EB Garamond', 'Amiri', 'Noto Serif', serif; }");
    expect(css).toContain('text-transform: uppercase');
    const opf = epub.text('EPUB/package.opf');
    expect(opf).toContain('href="styles/house/1-House-Display.woff2" media-type="font/woff2"');
    expect(opf).toContain('href="styles/house/2-rule.png" media-type="image/png"');
    // The cover is the title page as cut: the trim's proportions, no bleed or marks.
    const cover = PNG.sync.read(Buffer.from(unzipSync(epub.bytes)['EPUB/images/_cover.png']!));
    expect(cover.width / cover.height).toBeCloseTo(5.5 / 8.5, 2);
    expect(dark(cover, 0, 0, 12, 12)).toBe(0);
  });

  it('gives the HTML edition the theme and the sheet, its files inlined', async () => {
    const html = await readFile(path.join(out, 'the-house-style.html'), 'utf8');
    expect(html.includes("--galley-serif: 'EB Garamond', 'Amiri', 'Noto Serif', serif;")).toBe(true);
    expect(html.includes('font-family:"House Display"')).toBe(true);
    expect(/url\(data:font\/woff2;base64,d09GMg/.test(html)).toBe(true);
    expect(/url\(data:image\/png;base64,iVBORw0KGgo/.test(html)).toBe(true);
    expect(html.includes('galley-style:')).toBe(false);
  });

  it('makes the same bytes on a second build', async () => {
    const again = await temp();
    await build({ root, outDir: again });
    for (const name of ['the-house-style.pdf', 'the-house-style.epub', 'the-house-style.html']) {
      expect(Buffer.compare(await readFile(path.join(out, name)), await readFile(path.join(again, name))), name).toBe(0);
    }
  });
});

describe('a house style cannot reach outside its element', () => {
  it('escapes `<` in the sheets it inlines, so `</style>` in a string ends nothing', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'styles', 'house.css'), 'p::after { content: "</style><script>document.title=1</script><style>"; }\n');
    const { outDir } = await buildInto(dir, ['html']);
    const html = await readFile(path.join(outDir, 'the-house-style.html'), 'utf8');
    expect(html.includes('<script')).toBe(false);
    expect(html.includes('\\3c /style>')).toBe(true);
  });
});

describe('settings written loosely', () => {
  it('reads `25 mm` and `2.5cm` as one length, a folder named `..assets` as inside, and keeps the text `galley-style:0` as text', async () => {
    const dir = await fixtureCopy();
    await rename(path.join(dir, 'styles', 'art'), path.join(dir, 'styles', '..art'));
    const yaml = (await readFile(path.join(dir, 'book.yaml'), 'utf8'))
      .replace('creator: Ada Typesetter', 'creator: "Ada\\fType\\r\\nsetter"')
      .replace('top: 18mm', 'top: 2.5cm')
      .replace('outer: 14mm', 'outer: "14 mm"')
      .replace('bleed: 3mm', 'bleed: 3 mm');
    await writeFile(path.join(dir, 'book.yaml'), yaml);
    const css = await readFile(path.join(dir, 'styles', 'house.css'), 'utf8');
    await writeFile(
      path.join(dir, 'styles', 'house.css'),
      `${css.replace("url('art/rule.png')", "url('..art/rule.png')")}\np::before { content: "galley-style:0"; }\n`,
    );
    const manuscript = await loadManuscript(dir);
    expect(manuscript.config.page).toMatchObject({ margins: { top: '25mm', outer: '14mm' }, bleed: '3mm' });
    expect(manuscript.config.creator).toEqual(['Ada Type setter']);
    const [sheet] = manuscript.styles;
    expect(sheet?.resources.map((r) => r.path)).toContain('styles/..art/rule.png');
    const { outDir } = await buildInto(dir, ['html']);
    const html = await readFile(path.join(outDir, 'the-house-style.html'), 'utf8');
    expect(html).toContain('content:"galley-style:0"');
    expect(/url\(data:image\/png;base64,iVBORw0KGgo/.test(html)).toBe(true);
  });
});

describe('CSS every edition can read', () => {
  it('writes a selector list in :not() as one :not() per selector, which epubcheck reads (CSS-008)', async () => {
    const dir = await fixtureCopy();
    await appendFile(path.join(dir, 'styles', 'house.css'), "\n.chapter:not([data-role='dedication'], .x, [lang]) > p { color: #333; }\n");
    const manuscript = await loadManuscript(dir);
    expect(manuscript.styles[0]!.css).toContain('.chapter:not([data-role="dedication"]):not(.x):not([lang])>p{color:#333}');
    const { outDir, result } = await buildInto(dir, ['epub']);
    expect(result.messages).toEqual([]);
    expect((await epubcheck(path.join(outDir, 'the-house-style.epub'))).report).toBe('');
    // A compound or complex selector in :not() is Selectors 4, which epubcheck does not read: a warning at its place.
    const lines = (await readFile(path.join(dir, 'styles', 'house.css'), 'utf8')).split('\n').length;
    await appendFile(path.join(dir, 'styles', 'house.css'), 'p:not(h2 + p) { color: #444; }\n');
    const warned = await loadManuscript(dir);
    expect(warned.styles[0]!.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      `${lines}:2 Unexpected \`:not(h2+p)\`: a selector in \`:not()\` other than a simple one (\`.x\`, \`p\`, \`[lang]\`) is not read by e-book readers, and the e-book fails epubcheck (CSS-008)`,
    ]);
  });

  it('leaves out what the parser cannot read, nested rules and `position: fixed`, with a warning at each, and the e-book passes epubcheck', async () => {
    const dir = await fixtureCopy();
    const sheet = path.join(dir, 'styles', 'house.css');
    const lines = (await readFile(sheet, 'utf8')).split('\n').length;
    await appendFile(sheet, 'p { col@r: red; }\nblockquote { color: #333; & p { margin: 0; } }\n%%% q { color: red }\nh3 { position: fixed; top: 0 }\n');
    const { outDir, result } = await buildInto(dir, ['epub']);
    const warnings = result.messages.filter((m) => m.ruleId === 'bad-css').map((m) => `${m.line}:${m.column} ${m.reason}`);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^${lines}:\\d+ Unexpected CSS: .* \\(left out\\)$`)),
      `${lines + 1}:27 Unexpected nested rule: e-book readers do not read CSS nesting; write the rule out in full (left out)`,
      `${lines + 2}:1 Unexpected CSS: Selector is expected (left out)`,
      `${lines + 3}:6 Unexpected \`position: fixed\`: paged layout has no viewport to fix it to; use \`position: running(…)\` for what repeats on every page (left out)`,
    ]);
    const css = (await readEpub(path.join(outDir, 'the-house-style.epub'))).text('EPUB/styles/epub.css');
    expect(css).toContain('blockquote{color:#333}');
    expect(css).not.toMatch(/col@r|%%%|&/);
    const check = await epubcheck(path.join(outDir, 'the-house-style.epub'));
    expect(check.report).toBe('');
  });
});

describe('a drop cap in a house style', () => {
  it('is not drawn again where its paragraph goes on, on the next page', async () => {
    const dir = await temp();
    const words = ['case', 'rounce', 'quire', 'sheet', 'press', 'galley', 'quoin', 'tympan', 'frisket', 'platen', 'forme', 'stick'];
    const paragraph = Array.from({ length: 700 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    await writeFiles(dir, {
      'chapters/one.md': `# One\n\nCase ${paragraph}.\n`,
      'styles/drop.css': '.chapter > p:not(p ~ p)::first-letter { float: left; font-size: 3.2em; line-height: 0.9; color: red; }\n',
      'book.yaml':
        'title: Drop Cap\nlanguage: en\ncreator: Ada Typesetter\nidentifier: urn:uuid:7d1e3c3a-6f0e-4a55-9a3e-2b8c0f4b7a11\nstyles: [styles/drop.css]\nchapters: [chapters/one.md]\n',
    });
    const { outDir } = await buildInto(dir, ['pdf']);
    const file = path.join(outDir, 'drop-cap.pdf');
    const opening = (await exec('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout
      .split('\f')
      .findIndex((page) => page.trim().startsWith('One') && page.includes('rounce'));
    expect(opening).toBeGreaterThan(0);
    const next = (await pageText(file, opening + 2))
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== '');
    // The page's running head, then the paragraph going on: whole words, no letter set apart.
    expect(next.length).toBeGreaterThan(10);
    expect(next.filter((line) => /^\p{L}$/u.test(line.trim()))).toEqual([]);
  });
});
