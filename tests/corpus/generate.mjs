#!/usr/bin/env node
// Galley test corpus: generator of long books.
//
//   node tests/corpus/generate.mjs <out-dir>      or      import { generate } from …
//
// Assembles five long manuscripts from the paragraphs, sentences, headings, lists,
// tables and quotations of the hand-written English articles in this corpus, and
// writes them under the output folder (replaced), one manuscript folder per book.
//
// Plain Node ESM, no dependencies. Deterministic: every choice comes from a seeded
// PRNG (sfc32); there is no Date, no Math.random, no dependence on directory order,
// so two runs write byte-identical files.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let outRoot = join(here, 'generated');

// ---------------------------------------------------------------- sources
// Listed explicitly (never readdir) so that the order is fixed.
const SOURCES = [
  '01-thames-tunnel/chapters/01-thames-tunnel.md',
  '02-lise-meitner/chapters/01-early-life.md',
  '02-lise-meitner/chapters/02-exile-and-fission.md',
  '03-battle-of-lepanto/chapters/01-lepanto.md',
  '04-pulsars/chapters/01-discovery.md',
  '04-pulsars/chapters/02-interpretation.md',
  '05-trieste/chapters/01-tergeste-to-free-port.md',
  '05-trieste/chapters/02-habsburg-emporium.md',
  '05-trieste/chapters/03-twentieth-century.md',
  '06-lithography/chapters/01-lithography.md',
  '15-cross-links/chapters/01-forth.md',
  '15-cross-links/chapters/02-brooklyn.md',
  '15-cross-links/chapters/03-millau.md',
  '17-footnote-heavy/chapters/01-mechanism.md',
];

// Front matter (infoboxes) that some generated chapters borrow verbatim.
const INFOBOX_SOURCES = {
  lepanto: '03-battle-of-lepanto/chapters/01-lepanto.md',
  meitner: '02-lise-meitner/chapters/01-early-life.md',
};

// ---------------------------------------------------------------- PRNG
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
function seeded(text) {
  // xmur3-style string hash to four 32-bit seeds
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  const rand = sfc32(next(), next(), next(), next());
  for (let i = 0; i < 20; i++) rand(); // warm up
  const api = {
    float: rand,
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)), // inclusive
    chance: (p) => rand() < p,
    pick: (arr) => arr[Math.floor(rand() * arr.length)],
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return api;
}

// ---------------------------------------------------------------- parsing the pool
const words = (s) => (s.match(/\S+/g) ?? []).length;

function stripFrontMatter(text) {
  return text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 4) + 5) : text;
}
function frontMatter(text) {
  return text.startsWith('---\n') ? text.slice(0, text.indexOf('\n---\n', 4) + 5) : '';
}

/** Clean inline Markdown that would not survive being moved: note references, links to chapter files. */
function cleanInline(s) {
  return s
    .replace(/\[\^[^\]]+\]/g, '') // footnote references
    .replace(/\[([^\]]+)\]\((?:\.\.\/)?[\w./-]+\.md(?:#[^)]*)?\)/g, '$1') // links to other chapters
    .replace(/\[([^\]]+)\]\(#[^)]*\)/g, '$1') // links to local headings
    .replace(/[ \t]+$/gm, '');
}

/** Split after . ! ? (and a closing quote) before an upper-case start, but not after initials and abbreviations. */
function splitSentences(para) {
  const parts = para.split(/(?<=[.!?]["”’)]?)\s+(?=[A-Z“"(])/);
  const out = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Dr|St|Sir|Lt|Gen|Capt|No|Vol|vol|pp?|c|cf|ca|e\.g|i\.e)\.$/.test(prev)) {
      out[out.length - 1] = `${prev} ${part}`;
    } else out.push(part);
  }
  return out;
}

function parsePool() {
  const pool = { paragraphs: [], sentences: [], shortSentences: [], headings: [], lists: [], tables: [], quotes: [], notes: [] };
  for (const rel of SOURCES) {
    const text = stripFrontMatter(readFileSync(join(here, rel), 'utf8'));
    const blocks = text.split(/\n{2,}/).map((b) => b.replace(/^\n+|\n+$/g, '')).filter(Boolean);
    for (const block of blocks) {
      const first = block.split('\n')[0];
      if (/^#{1,6} /.test(first)) {
        const level = first.match(/^#+/)[0].length;
        const heading = cleanInline(first.replace(/^#+ /, ''));
        if (level >= 2 && !/^(notes|see also|further reading)$/i.test(heading)) pool.headings.push(heading);
      } else if (/^\[\^[^\]]+\]:/.test(first)) {
        const note = cleanInline(block.replace(/^\[\^[^\]]+\]:\s*/, '').split('\n')[0]);
        if (words(note) > 8) pool.notes.push(note);
      } else if (/^ {4}/.test(first) || /^```/.test(first)) {
        // code: skip (the articles' code is too specific to move)
      } else if (/^\|/.test(first)) {
        pool.tables.push(block);
      } else if (/^>/.test(first)) {
        pool.quotes.push(cleanInline(block));
      } else if (/^(\s*[-*+] |\s*\d+[.)] )/.test(first)) {
        pool.lists.push(cleanInline(block));
      } else {
        const para = cleanInline(block.replace(/\n/g, ' ')).trim();
        if (words(para) < 12) continue;
        pool.paragraphs.push(para);
        // Sentences: split after . ! ? followed by space and an upper-case letter, quote or parenthesis.
        for (const sentence of splitSentences(para)) {
          const n = words(sentence);
          if (n >= 6 && n <= 80 && /[.!?]["”’)]?$/.test(sentence)) pool.sentences.push(sentence);
          if (n >= 6 && n <= 26 && /[.!?]$/.test(sentence)) pool.shortSentences.push(sentence);
        }
      }
    }
  }
  return pool;
}

// ---------------------------------------------------------------- composing
function makeComposer(pool, rng) {
  const usedParagraphs = new Map();
  let noteCounter = 0;

  function paragraph() {
    // Half the time an original paragraph (least used first, among a random sample),
    // otherwise a new one from 3–8 sentences of anywhere in the pool.
    if (rng.chance(0.5)) {
      const sample = Array.from({ length: 6 }, () => rng.pick(pool.paragraphs));
      sample.sort((a, b) => (usedParagraphs.get(a) ?? 0) - (usedParagraphs.get(b) ?? 0));
      const p = sample[0];
      usedParagraphs.set(p, (usedParagraphs.get(p) ?? 0) + 1);
      return p;
    }
    const n = rng.int(3, 8);
    return Array.from({ length: n }, () => rng.pick(pool.sentences)).join(' ');
  }

  function heading(level) {
    const base = rng.pick(pool.headings).replace(/[*_`]/g, '');
    const style = rng.int(0, 9);
    let text = base;
    if (style === 0) text = `${base}: a reconsideration`;
    else if (style === 1) text = `On ${base.charAt(0).toLowerCase()}${base.slice(1)}`;
    else if (style === 2) text = `${base} (continued)`;
    else if (style === 3) text = `${rng.int(1, 12)}.${rng.int(1, 9)} ${base}`;
    else if (style === 4) text = `${base} and its consequences`;
    return `${'#'.repeat(level)} ${text}`;
  }

  function list() {
    if (pool.lists.length && rng.chance(0.3)) return rng.pick(pool.lists);
    const ordered = rng.chance(0.4);
    const task = !ordered && rng.chance(0.15);
    const n = rng.int(3, 8);
    const lines = [];
    for (let i = 0; i < n; i++) {
      const marker = ordered ? `${i + 1}.` : task ? `- [${rng.chance(0.5) ? 'x' : ' '}]` : '-';
      lines.push(`${marker} ${rng.pick(pool.shortSentences)}`);
      if (rng.chance(0.2)) {
        const indent = ' '.repeat(marker.length + 1);
        const m = rng.int(2, 4);
        for (let j = 0; j < m; j++) {
          lines.push(`${indent}- ${rng.pick(pool.shortSentences)}`);
          if (rng.chance(0.15)) lines.push(`${indent}  - ${rng.pick(pool.shortSentences)}`);
        }
      }
    }
    return lines.join('\n');
  }

  function quote() {
    if (pool.quotes.length && rng.chance(0.5)) return rng.pick(pool.quotes);
    return `> ${rng.pick(pool.sentences)} ${rng.pick(pool.sentences)}`;
  }

  function table() {
    return rng.pick(pool.tables);
  }

  /** A paragraph with a footnote reference; returns [paragraph, definition]. */
  function noted() {
    const p = paragraph();
    const label = `n${++noteCounter}`;
    const cut = p.lastIndexOf('.', p.length - 2);
    const at = cut > p.length / 2 ? cut + 1 : p.length;
    const body = rng.chance(0.25)
      ? `${rng.pick(pool.notes)}\n\n    ${rng.pick(pool.sentences)} ${rng.pick(pool.sentences)}`
      : rng.pick(pool.notes);
    return [`${p.slice(0, at)}[^${label}]${p.slice(at)}`, `[^${label}]: ${body}`];
  }

  /** Body blocks of about `target` words, with sections of `sectionWords` words. */
  function body(target, { sectionWords = 700, maxLevel = 3, notes = true } = {}) {
    const blocks = [];
    const definitions = [];
    let total = 0;
    let sinceHeading = 0;
    let level = 2;
    while (total < target) {
      if (sinceHeading >= sectionWords * (0.5 + rng.float())) {
        level = rng.chance(0.6) ? 2 : Math.min(maxLevel, level + 1);
        blocks.push(heading(level));
        sinceHeading = 0;
      }
      const r = rng.float();
      let block;
      if (r < 0.07) block = list();
      else if (r < 0.1) block = quote();
      else if (r < 0.115) block = table();
      else if (notes && r < 0.16) {
        const [p, d] = noted();
        block = p;
        definitions.push(d);
      } else block = paragraph();
      blocks.push(block);
      const n = words(block);
      total += n;
      sinceHeading += n;
    }
    return { text: blocks.join('\n\n'), definitions, words: total };
  }

  return { body, paragraph, heading };
}

// ---------------------------------------------------------------- writing books
function yamlString(s) {
  return JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars
}

function writeBook(dir, meta, chapters) {
  const root = join(outRoot, dir);
  mkdirSync(join(root, 'chapters'), { recursive: true });
  const paths = [];
  chapters.forEach((ch, i) => {
    const file = `chapters/${String(i + 1).padStart(2, '0')}-${ch.slug}.md`;
    const parts = [];
    if (ch.frontMatter) parts.push(ch.frontMatter.trimEnd(), '');
    parts.push(`# ${ch.title}`, '', ch.text);
    if (ch.definitions.length) parts.push('', ch.definitions.join('\n\n'));
    writeFileSync(join(root, file), parts.join('\n') + '\n');
    paths.push(file);
  });
  const lines = [
    `title: ${yamlString(meta.title)}`,
    meta.subtitle ? `subtitle: ${yamlString(meta.subtitle)}` : null,
    `language: ${meta.language ?? 'en'}`,
    'creator: Galley corpus generator',
    'publisher: Galley Test Corpus',
    `identifier: ${meta.identifier}`,
    'date: 2026-02-01',
    `description: ${yamlString(meta.description)}`,
    `trim: ${meta.trim}`,
    'chapters:',
    ...paths.map((p) => `  - ${p}`),
  ].filter((l) => l !== null);
  writeFileSync(join(root, 'book.yaml'), lines.join('\n') + '\n');
  const total = chapters.reduce((n, c) => n + c.words, 0);
  if (process.env.GALLEY_CORPUS_VERBOSE) console.log(`${dir}: ${chapters.length} chapter(s), about ${total} words, trim ${meta.trim}`);
}

function slugify(s) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'chapter';
}

function chapterTitle(rng, pool, i) {
  const style = rng.int(0, 4);
  const base = rng.pick(pool.headings).replace(/[*_`]/g, '');
  if (style === 0) return `Chapter ${i}: ${base}`;
  if (style === 1) return `${base}`;
  if (style === 2) return `Part ${i}. ${base}`;
  if (style === 3) return `${base}, revisited`;
  return `${i}. ${base}`;
}

const BOOKS = [
  {
    dir: 'a-long-article',
    meta: {
      title: 'The Long Article',
      subtitle: 'One chapter of about 38,000 words',
      identifier: 'urn:uuid:0b0b0b0b-1111-4222-8333-000000000101',
      description: 'A single chapter of about 38,000 words assembled from the corpus articles.',
      trim: 'A5',
    },
    chapters: 1,
    words: 38000,
    sectionWords: 900,
    maxLevel: 4,
  },
  {
    dir: 'b-thirty-chapters-a4',
    meta: {
      title: 'Thirty Chapters',
      subtitle: 'A long book on A4',
      identifier: 'urn:uuid:0b0b0b0b-1111-4222-8333-000000000102',
      description: 'Thirty chapters of about 2,400 words each, on A4 paper.',
      trim: 'A4',
    },
    chapters: 30,
    words: 2400,
    sectionWords: 600,
    infobox: { 0: 'lepanto', 17: 'meitner' },
  },
  {
    dir: 'c-twenty-five-chapters-letter',
    meta: {
      title: 'Twenty-Five Chapters',
      subtitle: 'A long book on US Letter',
      language: 'en-US',
      identifier: 'urn:uuid:0b0b0b0b-1111-4222-8333-000000000103',
      description: 'Twenty-five chapters of about 2,800 words each, on US Letter paper.',
      trim: 'letter',
    },
    chapters: 25,
    words: 2800,
    sectionWords: 800,
    infobox: { 4: 'meitner' },
  },
  {
    dir: 'd-twenty-chapters-6x9',
    meta: {
      title: 'Twenty Chapters',
      subtitle: 'A long book on 6 × 9 inches',
      language: 'en-GB',
      identifier: 'urn:uuid:0b0b0b0b-1111-4222-8333-000000000104',
      description: 'Twenty chapters of about 2,200 words each, on 6 × 9 inch pages.',
      trim: '6x9',
    },
    chapters: 20,
    words: 2200,
    sectionWords: 500,
    maxLevel: 4,
    infobox: { 0: 'meitner', 10: 'lepanto' },
  },
  {
    dir: 'e-fifty-short-chapters',
    meta: {
      title: 'Fifty Short Chapters',
      identifier: 'urn:uuid:0b0b0b0b-1111-4222-8333-000000000105',
      description: 'Fifty short chapters of 400 to 1,000 words each, on A5 paper.',
      trim: 'A5',
    },
    chapters: 50,
    words: [400, 1000],
    sectionWords: 350,
    maxLevel: 2,
  },
];

/** Write the generated books into `out` (the folder is replaced); returns their folders. */
export function generate(out) {
  outRoot = out;
  const pool = parsePool();
  const infoboxes = Object.fromEntries(
    Object.entries(INFOBOX_SOURCES).map(([k, rel]) => [k, frontMatter(readFileSync(join(here, rel), 'utf8'))]),
  );
  rmSync(outRoot, { recursive: true, force: true });
  for (const spec of BOOKS) {
    const rng = seeded(`galley-corpus/${spec.dir}`);
    const composer = makeComposer(pool, rng);
    const chapters = [];
    for (let i = 0; i < spec.chapters; i++) {
      const target = Array.isArray(spec.words) ? rng.int(spec.words[0], spec.words[1]) : spec.words;
      let title = spec.chapters === 1 ? 'The long article' : chapterTitle(rng, pool, i + 1);
      // Chapter ids come from file names without the number: keep them unique.
      for (let tries = 0; chapters.some((c) => c.slug === slugify(title)); tries++) {
        title = tries < 20 ? chapterTitle(rng, pool, i + 1) : `${title} ${i + 1}`;
      }
      const { text, definitions, words: n } = composer.body(target, { sectionWords: spec.sectionWords, maxLevel: spec.maxLevel ?? 3 });
      const box = spec.infobox?.[i];
      chapters.push({ title, slug: slugify(title), text, definitions, words: n, frontMatter: box ? infoboxes[box] : '' });
    }
    writeBook(spec.dir, spec.meta, chapters);
  }
  return BOOKS.map((spec) => join(outRoot, spec.dir));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate(process.argv[2] ?? join(here, 'generated'));
