import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { hyphenatorFor } from '../src/editions/pdf/hyphenation.js';

const exec = promisify(execFile);

/** Inline elements: a word may run across their edges (`<em>wo</em>rd`). */
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** Scripts written without spaces between words: compared a character at a time. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Scripts whose text layer poppler cannot give back in logical order (right to
 * left, and the Brahmic scripts' reordered vowel signs): compared as whole words,
 * with a rate.
 */
const complex =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;

/** Words: runs of letters, marks and digits, with soft hyphens, bidi controls and hyphens inside words taken out. */
export function words(text: string): string[] {
  const normal = text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '')
    .replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, '');
  return (normal.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).flatMap((word) => (unspaced.test(word) ? (word.match(/\P{M}\p{M}*/gu) ?? []) : [word]));
}

/** The text of the HTML edition's chapters, as a reader sees it in print (what print hides left out). */
export async function htmlText(file: string): Promise<{ text: string; heads: string[]; notes: string[]; tableHeads: string[] }> {
  const tree = fromHtml(await readFile(file, 'utf8'));
  const main = select('main', tree as Root);
  if (!main) throw new Error(`${file} has no <main>`);
  const hidden = new Set(selectAll('[data-footnote-backref], .sr-only, rp', main));
  let text = '';
  const walk = (node: RootContent | Element) => {
    if (node.type === 'text') text += node.value;
    if (node.type !== 'element' || hidden.has(node)) return;
    // An override draws its text reversed, and the text layer has it so.
    if (node.tagName === 'bdo' && node.properties.dir === 'rtl') {
      text += [...textOf(node)].reverse().join('');
      return;
    }
    const block = !inline.has(node.tagName);
    if (block) text += '\n';
    for (const child of node.children) walk(child);
    if (block) text += '\n';
  };
  walk(main);
  // A right-to-left override draws its text reversed, up to its end (U+202C) or the paragraph's.
  text = text.replace(/\u202e([^\u202c\n]*)/g, (_all, run: string) => [...run].reverse().join(''));
  // Running heads: the book's title and the chapters' and sections' titles, upper case.
  const heads = [select('.book-title', tree as Root), ...selectAll('main h1, main h2', tree as Root)]
    .filter((el): el is Element => el !== undefined)
    .map((el) => textOf(el).replace(/\s+/g, ' ').trim().toUpperCase());
  // How each note starts at the foot of a page: its number, a full stop, its first word.
  const notes = selectAll('section[data-footnotes] ol', main).flatMap((list) =>
    selectAll(':scope > li', list).map((item, i) => `${i + 1}. ${words(textOf(item))[0] ?? ''}`),
  );
  // The header rows of tables, which print repeats on every page a table runs on to: their letters.
  const tableHeads = selectAll('table thead', main).map((head) => words(textOf(head)).join(''));
  return { text, heads, notes, tableHeads };
}

const textOf = (node: Element | RootContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

/**
 * The text on the PDF's pages (pdftotext -raw: the order Chromium drew it, which
 * is the document's; the reading-order mode would join a word hyphenated at a
 * page end with the folio), without the running heads and folios, pages joined,
 * and words hyphenated at a line or page end joined again. The splits are
 * returned too.
 */
interface Split {
  /** Where in the joined text. */
  at: number;
  /** The word it was in, and where in it. */
  word?: string;
  offset?: number;
}

/**
 * Where each page's footnotes begin (poppler's raw order draws them last): their
 * first two words and how many words they have, to the end of the page (a running
 * head or folio after them aside). They begin at the first note's number (its size
 * and place found from how each note starts, `notes`: "3. First"), or before it with
 * the rest of a note begun on the page before (set no larger than the notes).
 */
async function wordsOfNotes(pdf: string, notes: readonly string[]): Promise<Array<{ count: number; first: string } | undefined>> {
  if (notes.length === 0) return [];
  const { stdout } = await exec('pdftotext', ['-raw', '-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  const pages = stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)<\/word>/g)].map((m) => ({
        height: Math.round((Number(m[2]) - Number(m[1])) * 10) / 10,
        text: m[3]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      })),
    );
  // The notes' size: that of the numbers that start notes, the smallest such size
  // found more than once (a numbered list's numbers are set in the text's size).
  const starts = new Set(notes);
  const counts = new Map<number, number>();
  for (const page of pages) {
    page.forEach((word, i) => {
      if (/^\d+\.$/.test(word.text) && starts.has(`${word.text} ${words(page[i + 1]?.text ?? '')[0] ?? ''}`))
        counts.set(word.height, (counts.get(word.height) ?? 0) + 1);
    });
  }
  const sizes = [...counts].sort((a, b) => a[0] - b[0]);
  const noteHeight = (sizes.find(([, n]) => n > 1) ?? sizes[0])?.[0];
  if (noteHeight === undefined) return [];
  const isNote = (word: { height: number }) => Math.abs(word.height - noteHeight) < 0.15;
  return pages.map((page) => {
    let end = page.length;
    // A folio or running head drawn after the notes.
    while (end > 0 && !isNote(page[end - 1]!) && (/^\d+$/.test(page[end - 1]!.text) || page[end - 1]!.text === page[end - 1]!.text.toUpperCase())) end--;
    // The notes start at the first note's number, or before it with the rest of a
    // note begun on the page before (set smaller than the text).
    const isStart = (i: number) =>
      isNote(page[i]!) && /^\d+\.$/.test(page[i]!.text) && starts.has(`${page[i]!.text} ${words(page[i + 1]?.text ?? '')[0] ?? ''}`);
    let first = 0;
    while (first < end && !isStart(first)) first++;
    while (first > 0 && page[first - 1]!.height < noteHeight * 1.1) first--;
    if (first >= end) return undefined;
    return { count: end - first, first: `${page[first]!.text} ${page[first + 1]?.text ?? ''}`.trim() };
  });
}

export async function pdfText(
  pdf: string,
  heads: readonly string[],
  notes: readonly string[] = [],
  tableHeads: readonly string[] = [],
): Promise<{ text: string; splits: Split[] }> {
  const { stdout } = await exec('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  // A head is known by its words (poppler gives right-to-left words in a head in an order of its own).
  const key = (line: string) => words(line.toUpperCase()).sort().join(' ');
  const known = new Set(heads.map(key));
  const headLetters = heads.map((head) => words(head.toUpperCase()).join(''));
  const notesAtFoot = await wordsOfNotes(pdf, notes);
  const footnotes: string[] = [];
  const pages = stdout.split('\f').map((page, index) => {
    const lines = page.split('\n').filter((line) => line.trim() !== '');
    // Chromium draws the running head and the folio before or after the page's
    // text: one of each a page (a table cell "1828", or an infobox's title in
    // capitals, may come next). A long running head is cut at the margin box's
    // edge, and poppler gives the cut-off rest too, as lines of their own:
    // upper-case lines that together begin a head.
    let folio = false;
    let head = false;
    const letters = (text: string) => words(text.toUpperCase()).join('');
    const headLines = (from: number, step: 1 | -1) => {
      if (head || from < 0 || from >= lines.length) return 0;
      if (known.has(key(lines[from]!))) return 1;
      let text = '';
      let n = 0;
      for (let i = from; i >= 0 && i < lines.length && lines[i] === lines[i]!.toUpperCase(); i += step) {
        text = step === 1 ? text + letters(lines[i]!) : letters(lines[i]!) + text;
        if (text === '' || !headLetters.some((h) => h.startsWith(text))) break;
        n++;
      }
      return n;
    };
    const isFolio = (line: string | undefined) => !folio && line !== undefined && /^\d+$/.test(line.trim());
    for (const edge of ['start', 'end', 'start', 'end'] as const) {
      const at = edge === 'start' ? 0 : lines.length - 1;
      if (isFolio(lines[at])) {
        folio = true;
        lines.splice(at, 1);
        continue;
      }
      const n = headLines(at, edge === 'start' ? 1 : -1);
      if (n > 0) {
        head = true;
        lines.splice(edge === 'start' ? 0 : lines.length - n, n);
      }
    }
    // Page footnotes come after the page's text: a page's notes go after the text of
    // every page, so that a word hyphenated at the end of a page's text is joined again.
    // The notes begin at a line that starts with their first words, where about as
    // many words as they have are left.
    const block = notesAtFoot[index];
    let firstNote = lines.length;
    if (block) {
      const tokens = lines.map((line) => line.trim().split(/\s+/));
      let best = Number.POSITIVE_INFINITY;
      let after = 0;
      for (let i = lines.length - 1; i >= 0; i--) {
        after += tokens[i]!.length;
        if (!`${tokens[i]!.join(' ')} `.startsWith(`${block.first} `)) continue;
        if (Math.abs(after - block.count) < best) {
          best = Math.abs(after - block.count);
          firstNote = i;
        }
      }
    }
    footnotes.push(...lines.splice(firstNote));
    return lines;
  });
  // A table that runs on to a page repeats its header rows at the top: where a word
  // is hyphenated at the end of the page before (the table's row goes on), they
  // come between its two halves and go.
  pages.forEach((lines, index) => {
    if (index === 0 || !/[\p{L}\p{M}\p{N}]-$/u.test(pages[index - 1]!.at(-1)?.trim() ?? '')) return;
    let letters = '';
    for (let n = 1; n <= lines.length; n++) {
      letters += words(lines[n - 1]!).join('');
      if (tableHeads.includes(letters)) {
        lines.splice(0, n);
        return;
      }
      if (!tableHeads.some((head) => head.startsWith(letters))) return;
    }
  });
  pages.push(footnotes);
  // Words hyphenated at a line or page end are joined again; each split is kept
  // as the whole word (apostrophes included: the hyphenator sees "d'euros") and
  // where it was split.
  // In a right-to-left paragraph, poppler puts the right-to-left words of a line
  // after a word hyphenated at its end ("hy- שלום⏎phenated"): they go after the word.
  const joined = pages
    .map((lines) => lines.join('\n'))
    .join('\n')
    .replace(
      /(?<=[\p{L}\p{M}\p{N}])-([^\n\p{Script=Latin}\p{N}]*?[\p{Script=Hebrew}\p{Script=Arabic}][^\n\p{Script=Latin}\p{N}]*)\n\s*([\p{L}\p{M}\p{N}]+)/gu,
      '-\n$2 $1',
    );
  const piece = /[\p{L}\p{M}\p{N}'’\u200b]/u;
  const splits: Split[] = [];
  let text = '';
  let last = 0;
  for (const match of joined.matchAll(/(?<=[\p{L}\p{M}\p{N}])-\n\s*(?=[\p{L}\p{M}\p{N}])/gu)) {
    text += joined.slice(last, match.index);
    last = match.index + match[0].length;
    splits.push({ at: text.length });
  }
  text += joined.slice(last);
  for (const split of splits) {
    let start = split.at;
    let end = split.at;
    while (start > 0 && piece.test(text[start - 1]!)) start--;
    while (end < text.length && piece.test(text[end]!)) end++;
    // Zero-width spaces (poppler keeps them) taken out.
    split.word = text.slice(start, end).replace(/\u200b/g, '');
    split.offset = text.slice(start, split.at).replace(/\u200b/g, '').length;
  }
  return { text, splits };
}

export interface WordsReport {
  /** Words of the HTML edition the PDF has fewer times, with how many are missing. */
  missing: Array<[string, number]>;
  /** Missing words found inside a longer word of the PDF (table cells its text layer runs together). */
  runTogether: number;
  /**
   * Missing words found as neighbouring words of the PDF: a long string broken
   * with no hyphen, or a gap poppler sees beside some accented letters of italic
   * faces ("Shō nan") that the page does not show.
   */
  runApart: number;
  /** Words of scripts poppler reorders: how many the HTML edition has, and how many of them the PDF has whole. */
  complex: { words: number; whole: number };
  /** Words split at a line or page end where the language's hyphenation does not allow it. */
  badSplits: string[];
  /** How many words the HTML edition has. */
  total: number;
  /** How many of them were left out, holding a character no shipped font has. */
  leftOut: number;
}

const tally = (list: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
};

/**
 * Every word of the HTML edition on the PDF's pages, as often (after joining words
 * hyphenated at line and page ends); words split only at legal points. Words
 * holding one of the `unprintable` characters are left out.
 */
export async function compareWords(pdf: string, html: string, language: string, unprintable: readonly string[] = []): Promise<WordsReport> {
  const source = await htmlText(html);
  const printed = await pdfText(pdf, source.heads, source.notes, source.tableHeads);
  // Words with a character no shipped font has (the build warned of each) print with a box.
  const allWords = words(source.text);
  const sourceWords = allWords.filter((word) => !unprintable.some((c) => word.includes(c)));
  const printedWords = words(printed.text);
  const have = tally(printedWords);
  const missing: Array<[string, number]> = [];
  let runTogether = 0;
  let runApart = 0;
  const longer = printedWords.filter((w) => w.length > 1);
  const positions = new Map<string, number[]>();
  for (const [i, w] of printedWords.entries()) {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  }
  /** How often `word` is printed as neighbouring words (a break with no hyphen, or poppler's gap). */
  const printedApart = (word: string) => {
    let found = 0;
    for (let k = 1; k < word.length; k++) {
      for (const start of positions.get(word.slice(0, k)) ?? []) {
        let joined = printedWords[start]!;
        for (let next = start + 1; joined.length < word.length && next < printedWords.length && word.startsWith(joined); next++) joined += printedWords[next];
        if (joined === word) found++;
      }
    }
    return found;
  };
  // Compounds of the manuscript ("Ben-Yehuda"): in a right-to-left line, poppler gives their parts apart.
  const compounds = new Map<string, string[]>();
  for (const [compound] of source.text.normalize('NFC').matchAll(/[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)+/gu))
    compounds.set(compound.replace(/-/g, ''), compound.split('-'));
  for (const [word, n] of tally(sourceWords.filter((w) => !complex.test(w)))) {
    let short = n - (have.get(word) ?? 0);
    if (short <= 0) continue;
    // Cells of a table can come out of the text layer as one word: the text is there.
    const inside = Math.min(short, longer.filter((w) => w !== word && w.includes(word)).length);
    runTogether += inside;
    short -= inside;
    const parts = compounds.get(word);
    const apart = Math.min(short, parts?.every((part) => have.has(part)) ? short : printedApart(word));
    runApart += apart;
    short -= apart;
    if (short > 0) missing.push([word, short]);
  }
  const complexWords = sourceWords.filter((w) => complex.test(w));
  const printedComplex = tally(printedWords.filter((w) => complex.test(w)));
  let whole = 0;
  for (const word of complexWords) {
    const left = printedComplex.get(word) ?? 0;
    if (left > 0) {
      whole++;
      printedComplex.set(word, left - 1);
    }
  }
  const hyphenate = hyphenatorFor(language);
  // Splits that are right whatever the language's patterns say. Hyphens of the manuscript, and the soft hyphens its author typed: every pair of a compound ("Nissan-lez-Ensérune").
  const hard = new Set([...source.text.matchAll(/(?<=[\p{L}\p{M}\p{N}])[-\u00ad](?=[\p{L}\p{M}\p{N}])/gu)].map((m) => wordAround(source.text, m.index, true)));
  const legalPoints = (word: string) => {
    let end = 0;
    return (hyphenate ? hyphenate(word).split('\u00ad') : [word]).map((part) => (end += part.length));
  };
  // Words joined by zero-width spaces break at the spaces, and hyphenate as one word:
  // each legal point of the whole, as the pair of pieces (between spaces) it splits.
  for (const [match] of source.text.matchAll(/[\p{L}\p{M}\p{N}\u00ad]+(?:\u200b[\p{L}\p{M}\p{N}\u00ad]+)+/gu)) {
    const compound = match.replace(/\u00ad/g, '');
    const inJoined: number[] = [];
    [...compound].forEach((c, i) => {
      if (c !== '\u200b') inJoined.push(i);
    });
    for (const point of legalPoints(compound.replace(/\u200b/g, ''))) {
      const at = inJoined[point];
      if (at === undefined || compound[at - 1] === '\u200b') continue;
      const left = compound.slice(0, at).split('\u200b').pop()!;
      const right = compound.slice(at).split('\u200b')[0]!;
      hard.add(`${left}-${right}`);
    }
  }
  const badSplits = printed.splits
    .filter(({ word = '', offset = 0, at }) => {
      if (hard.has(wordAround(printed.text, at, false)) || hard.has(`${word.slice(0, offset)}-${word.slice(offset)}`)) return false;
      return !legalPoints(word).includes(offset);
    })
    .map(({ word = '', offset = 0 }) => `${word.slice(0, offset)}-${word.slice(offset)}`);
  return {
    missing,
    runTogether,
    runApart,
    complex: { words: complexWords.length, whole },
    badSplits,
    total: allWords.length,
    leftOut: allWords.length - sourceWords.length,
  };
}

/** The letters either side of `at` as "left-right" (a hyphen at `at` in the source, none in the joined PDF text); soft hyphens left out. */
function wordAround(text: string, at: number, hyphen: boolean): string {
  const letter = /[\p{L}\p{M}\p{N}\u00ad]/u;
  let start = at;
  let end = hyphen ? at + 1 : at;
  while (start > 0 && letter.test(text[start - 1]!)) start--;
  while (end < text.length && letter.test(text[end]!)) end++;
  return `${text.slice(start, at)}-${text.slice(hyphen ? at + 1 : at, end)}`.replace(/\u00ad/g, '');
}

/**
 * How many letters and digits of the page text (as `pdfText` gives it: without
 * running heads, folios and the header rows a table repeats on each page) the structure text lacks (`pdfinfo -struct-text`:
 * what assistive technology reads through the tags), compared as counts of each
 * character, case aside. A few may differ where a glyph's own Unicode and the
 * text it stands for differ (`ā` drawn as `a` and a mark).
 */
export async function untaggedLetters(
  pdf: string,
  html: string,
): Promise<{ missing: number; total: number; strayWords: number; words: number; stray: string[] }> {
  const source = await htmlText(html);
  const printed = await pdfText(pdf, source.heads, source.notes, source.tableHeads);
  const { stdout } = await exec('pdfinfo', ['-struct-text', pdf], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  const tagged = [...stdout.matchAll(/^\s*"(.*)"$/gm)].map((match) => match[1]).join('\n');
  const letters = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]/gu) ?? [];
  const have = tally(letters(tagged));
  const wanted = letters(printed.text);
  const counts = tally(wanted);
  // A table's header rows repeated at the top of each page it runs on are artifacts: tagged once.
  const run = wanted.join('');
  for (const head of new Set(source.tableHeads.map((head) => letters(head).join('')))) {
    const copies = head === '' ? 0 : run.split(head).length - 1;
    for (const letter of letters(head)) counts.set(letter, (counts.get(letter) ?? 0) - Math.max(0, copies - 1));
  }
  let missing = 0;
  let total = 0;
  for (const [letter, count] of counts) {
    missing += Math.max(0, count - (have.get(letter) ?? 0));
    total += count;
  }
  // Words of the structure text the pages do not have: two words run together where a line
  // wraps ("kilolima"). (The text runs one after another, as a reader reads them; case aside,
  // and the apostrophe a glyph is shared with read as the one the text has.)
  const wordsOf = (text: string) => words(text.toLowerCase().replace(/\u02bc/g, '’'));
  const onPages = tally(wordsOf(printed.text));
  // (An element's strings run on; another element's start on a line of their own.)
  const elements = stdout.replace(/"\n(\s*")/g, '"$1').split('\n');
  const read = wordsOf(elements.map((line) => [...line.matchAll(/"(.*?)"(?=\s*"|$)/g)].map((match) => match[1]).join('')).join('\n'));
  // (Words of scripts Poppler gives back in visual order are not compared: see `complex`.)
  // (Nor the words of running heads: taken off the pages' text, titles on a page of their own too.)
  const heads = new Set(source.heads.flatMap(wordsOf));
  const stray = read.filter((word) => {
    if (complex.test(word) || heads.has(word)) return false;
    const left = onPages.get(word) ?? 0;
    onPages.set(word, left - 1);
    return left <= 0;
  });
  return { missing, total, strayWords: stray.length, words: read.length, stray };
}

/** Letters of scripts written right to left. */
const rightToLeftScript = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/**
 * How a reader that follows the tags reads a book's right-to-left words: each
 * word as the HTML edition has it (not backwards: `stray`), and each two words
 * read one after the other within an element as the HTML edition has them one
 * after the other (not last to first: `pairsInOrder` of `pairs`). Read from
 * Poppler's structure text (`pdfinfo -struct-text`), each text of its own in which
 * a right-to-left letter is reversed: what a reader that honours `/ReversedChars`
 * does with the right-to-left runs Chromium draws in visual order (Poppler does not).
 */
export async function rightToLeftReading(pdf: string, html: string): Promise<{ words: number; stray: string[]; pairs: number; pairsInOrder: number }> {
  const source = words((await htmlText(html)).text.toLowerCase());
  // (The title page's words too: the HTML edition's header has them.)
  const known = new Set([
    ...source,
    ...words(
      fromHtml(await readFile(html, 'utf8'))
        .children.map(textOf)
        .join(' ')
        .toLowerCase(),
    ),
  ]);
  const following = new Set(source.slice(1).map((word, i) => `${source[i]} ${word}`));
  const { stdout } = await exec('pdfinfo', ['-struct-text', pdf], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  // (An element's strings run on, as a reader reads them; another element's start on a line of their own.)
  const elements = stdout.replace(/"\n(\s*")/g, '"$1').split('\n');
  // A text Poppler gives in the order it is drawn, read as a line: its left-to-right runs (Latin letters and
  // digits, and what is between them) in their order, the others reversed, the runs last to first.
  const reversed = (piece: string) =>
    rightToLeftScript.test(piece)
      ? (piece.match(/[\p{Script=Latin}\p{N}](?:[^\p{L}\p{N}]*[\p{Script=Latin}\p{N}])*|(?:(?![\p{Script=Latin}\p{N}])[\s\S])+/gu) ?? [])
          .map((run) => (/^[\p{Script=Latin}\p{N}]/u.test(run) ? run : [...run].reverse().join('')))
          .reverse()
          .join('')
      : piece;
  const read = elements.map((line) =>
    words(
      [...line.matchAll(/"(.*?)"(?=\s*"|$)/g)]
        .map((match) => reversed(match[1]!))
        .join('')
        .toLowerCase(),
    ),
  );
  const rtl = read.flat().filter((word) => rightToLeftScript.test(word));
  let pairs = 0;
  let pairsInOrder = 0;
  for (const element of read) {
    element.slice(1).forEach((word, i) => {
      const before = element[i]!;
      // (Of words read as written: a word read otherwise counts among the stray ones.)
      if (!rightToLeftScript.test(word) || !rightToLeftScript.test(before) || !known.has(word) || !known.has(before)) return;
      pairs++;
      if (following.has(`${before} ${word}`)) pairsInOrder++;
    });
  }
  return { words: rtl.length, stray: rtl.filter((word) => !known.has(word)), pairs, pairsInOrder };
}
