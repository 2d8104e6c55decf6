import type { Image, InlineCode, Parent, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { isShownAddress } from '../shown-address.js';

export interface TypographyOptions {
  /** The book's language (BCP 47): it decides the quotation marks. */
  language: string;
  /** Off: the text stays as typed (`typography: false` in book.yaml). */
  enabled: boolean;
}

/** Quotation marks: outer opening and closing, inner opening and closing. */
type Marks = readonly [open: string, close: string, innerOpen: string, innerClose: string];

/**
 * The quotation marks of each language, from the Unicode CLDR's delimiters (French
 * inner quotes as its printers set them, “ ”); a language not listed gets English ones.
 */
const marksByLanguage: Record<string, Marks> = {
  en: ['“', '”', '‘', '’'],
  nl: ['“', '”', '‘', '’'],
  pt: ['“', '”', '‘', '’'],
  ko: ['“', '”', '‘', '’'],
  tr: ['“', '”', '‘', '’'],
  he: ['”', '”', '’', '’'],
  sv: ['”', '”', '’', '’'],
  fi: ['”', '”', '’', '’'],
  de: ['„', '“', '‚', '‘'],
  cs: ['„', '“', '‚', '‘'],
  sk: ['„', '“', '‚', '‘'],
  sl: ['„', '“', '‚', '‘'],
  hr: ['„', '“', '‚', '‘'],
  bg: ['„', '“', '„', '“'],
  da: ['„', '“', '‚', '‘'],
  is: ['„', '“', '‚', '‘'],
  lt: ['„', '“', '„', '“'],
  ro: ['„', '”', '«', '»'],
  pl: ['„', '”', '«', '»'],
  hu: ['„', '”', '»', '«'],
  fr: ['«', '»', '“', '”'],
  es: ['«', '»', '“', '”'],
  it: ['«', '»', '“', '”'],
  ca: ['«', '»', '“', '”'],
  el: ['«', '»', '“', '”'],
  nb: ['«', '»', '‘', '’'],
  nn: ['«', '»', '‘', '’'],
  no: ['«', '»', '‘', '’'],
  ru: ['«', '»', '„', '“'],
  uk: ['«', '»', '„', '“'],
  be: ['«', '»', '„', '“'],
  ar: ['”', '“', '’', '‘'],
  fa: ['«', '»', '‹', '›'],
};

/**
 * Languages written without spaces between words: SmartyPants tells an opening quote
 * from a closing one by the space before it, so their quotes stay as typed.
 */
const unspaced = new Set(['ja', 'zh']);

/**
 * Where SmartyPants puts a closing single quote, an apostrophe or a closing quote
 * decided below: a private-use character the text does not hold (a manuscript may
 * use one, and it must come out as written).
 */
function placeholderFor(tree: Root): string {
  const used = new Set<string>();
  visit(tree, 'text', (text: Text) => {
    for (const [char] of text.value.matchAll(/[\uE000-\uF8FF]/g)) used.add(char!);
  });
  for (let code = 0xe000; code <= 0xf8ff; code++) if (!used.has(String.fromCharCode(code))) return String.fromCharCode(code);
  throw new Error('Every private-use character is in the text');
}

/** The blocks remark-smartypants sets apart (a quote at their start opens). */
const SMARTYPANTS_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/**
 * What SmartyPants may change: quotes, `--`, dots that make an ellipsis. (retext-smartypants
 * is held at 6.1.1 in package.json: 6.2.0 also joins `–-` into an em dash, and prints
 * the node it drops to standard output.)
 */
const SMARTYPANTS_CHANGES = /["']|--|\.\s*\./;

/**
 * A block's text as SmartyPants reads it: `text`, what it may change, and `shown`,
 * that with inline code, which it sees as letters.
 */
function textOf(block: Parent): { text: string; shown: string } {
  let text = '';
  let shown = '';
  visit(block, (node) => {
    if (node.type !== 'text' && node.type !== 'inlineCode') return;
    const { value } = node as Text | InlineCode;
    if (node.type === 'text') text += value;
    shown += value;
  });
  return { text, shown };
}

const APOSTROPHE = '’';
/** The narrow no-break space French sets inside guillemets. */
const NNBSP = '\u202F';

const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Typographic punctuation, as a typesetter would set the text: straight quotes
 * become the language's quotation marks, apostrophes curly ones, `--` an en dash,
 * `---` an em dash, `...` an ellipsis (SmartyPants, through remark-smartypants). Code
 * and raw HTML keep what was typed. SmartyPants takes every straight single quote
 * after a letter for a closing one; where the language closes with another mark
 * than the apostrophe (German `‘`), one inside a word (`geht's`) or without an open
 * quote before it in its block is an apostrophe. Japanese and Chinese keep their
 * quotes as typed (see `unspaced`).
 */
export function remarkTypography(options: TypographyOptions) {
  return options.enabled ? typographer(options.language) : undefined;
}

/** One line of text (an infobox value) set as `remarkTypography` sets a paragraph. */
export function typesetText(value: string, language: string): string {
  const text: Text = { type: 'text', value };
  typographer(language)({ type: 'root', children: [{ type: 'paragraph', children: [text] }] });
  return text.value;
}

const typographers = new Map<string, (tree: Root) => void>();

function typographer(language: string): (tree: Root) => void {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  let made = typographers.get(primary);
  if (!made) {
    made = makeTypographer(primary);
    typographers.set(primary, made);
  }
  return made;
}

function makeTypographer(primary: string): (tree: Root) => void {
  const [open, close, innerOpen, innerClose] = marksByLanguage[primary] ?? marksByLanguage.en!;
  const processors = new Map<string, ReturnType<typeof smartypantsWith>>();
  const smartypantsWith = (placeholder: string) =>
    unified()
      .use(remarkSmartypants, {
        openingQuotes: { double: open, single: innerOpen },
        closingQuotes: { double: close, single: placeholder },
        dashes: 'oldschool',
        backticks: false,
        quotes: !unspaced.has(primary),
      })
      .freeze();
  return (tree: Root) => {
    const placeholder = placeholderFor(tree);
    let smartypants = processors.get(placeholder);
    if (!smartypants) {
      smartypants = smartypantsWith(placeholder);
      processors.set(placeholder, smartypants);
    }
    // An address shown as itself (`https://a.org/x--y`, `<mailto:…>`) stays as typed:
    // SmartyPants leaves code alone, so such text is code while it runs.
    const addresses: Array<{ type: string }> = [];
    visit(tree, 'text', (text: Text, _index, parent) => {
      if (!isShownAddress(text, parent)) return;
      addresses.push(text);
      (text as { type: string }).type = 'inlineCode';
    });
    // Only the blocks SmartyPants can change go through it (it parses all the text it
    // is given, twice, and that was half of the Markdown stage), each with the block
    // before it that holds text: whether that one ends a sentence decides some quotes
    // at the start of the next (`'s Avonds` after a heading). It has nothing to
    // change itself, so it comes out as it went in.
    const changeable: Parent[] = [];
    let before: Parent | undefined;
    visit(tree, (node) => {
      if (!SMARTYPANTS_BLOCKS.has(node.type)) return CONTINUE;
      const block = node as Parent;
      const { text, shown } = textOf(block);
      if (SMARTYPANTS_CHANGES.test(text)) {
        if (before && changeable.at(-1) !== before) changeable.push(before);
        changeable.push(block);
      }
      if (shown.trim() !== '') before = block;
      return SKIP;
    });
    // An image's title (a figure's caption) and description are text too: each set apart as a paragraph of its own.
    const attributes: Array<{ image: Image; key: 'title' | 'alt'; block: Parent }> = [];
    visit(tree, 'image', (image: Image) => {
      for (const key of ['title', 'alt'] as const) {
        const value = image[key];
        if (value && SMARTYPANTS_CHANGES.test(value))
          attributes.push({ image, key, block: { type: 'paragraph', children: [{ type: 'text', value }] } as Parent });
      }
    });
    changeable.push(...attributes.map((attribute) => attribute.block));
    if (changeable.length > 0) smartypants.runSync({ type: 'root', children: changeable } as Root);
    for (const address of addresses) address.type = 'text';
    visit({ type: 'root', children: [...tree.children, ...attributes.map((attribute) => attribute.block)] } as Root, (node) => {
      if (!SMARTYPANTS_BLOCKS.has(node.type)) return;
      let openSingles = 0;
      const texts: Text[] = [];
      visit(node as Parent, 'text', (text: Text) => {
        texts.push(text);
      });
      texts.forEach((text, t) => {
        let value = '';
        for (let i = 0; i < text.value.length; i++) {
          const char = text.value[i]!;
          if (char === innerOpen && innerOpen !== open) openSingles++;
          if (char !== placeholder) {
            value += char;
            continue;
          }
          const before = i > 0 ? text.value[i - 1] : texts[t - 1]?.value.at(-1);
          const after = i + 1 < text.value.length ? text.value[i + 1] : texts[t + 1]?.value[0];
          // Inside a word (geht's), or before a decade's digits (the '80s): an apostrophe.
          const inWord = (isWordCharacter(before) && isWordCharacter(after)) || (!isWordCharacter(before) && /\d/.test(after ?? ''));
          if (!inWord && openSingles > 0) {
            openSingles--;
            value += innerClose;
          } else value += APOSTROPHE;
        }
        if (primary === 'fr') value = value.replace(/«[ \u00A0\u202F]?/g, `«${NNBSP}`).replace(/[ \u00A0\u202F]?»/g, `${NNBSP}»`);
        text.value = value;
      });
    });
    for (const { image, key, block } of attributes) image[key] = block.children.map((child) => ('value' in child ? child.value : '')).join('');
    // A text outside such blocks (none in Markdown today) keeps no placeholder.
    visit(tree, 'text', (text: Text) => {
      if (text.value.includes(placeholder)) text.value = text.value.replaceAll(placeholder, APOSTROPHE);
    });
  };
}
