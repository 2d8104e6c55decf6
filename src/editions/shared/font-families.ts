import type { TextFamily } from '../../shared/text-families.js';

/**
 * The fonts Galley ships (npm `@fontsource/*` packages): the only fonts its
 * browser sees, so a book looks the same, and makes the same PDF, on every
 * machine. To add one: `npm install @fontsource/<name>`, add it here (its role and
 * where it goes in the fallback order), and it is used for the characters the
 * fonts before it lack.
 */
export interface ShippedFamily {
  /** The family name, as CSS and fontconfig know it. */
  family: string;
  /** The `@fontsource` package (without the scope). */
  pkg: string;
  weights: readonly number[];
  styles: ReadonlyArray<'normal' | 'italic'>;
  /** Only the files of these subsets (a fallback font's own script; `emoji`: the one file holding every emoji). */
  subsets?: readonly string[];
}

/**
 * Every shipped family, in the order fonts are tried for a character no font
 * named by the style sheet has. The order matters where fonts overlap: Noto Sans
 * Math has Arabic letters (after Amiri), the CJK fonts have arrows
 * and symbols (after the symbol fonts).
 */
export const shippedFamilies: readonly ShippedFamily[] = [
  { family: 'Source Serif 4', pkg: 'source-serif-4', weights: [400, 600, 700], styles: ['normal', 'italic'] },
  { family: 'Source Sans 3', pkg: 'source-sans-3', weights: [400, 600, 700], styles: ['normal', 'italic'] },
  { family: 'Source Code Pro', pkg: 'source-code-pro', weights: [400, 700], styles: ['normal', 'italic'] },
  { family: 'Noto Serif', pkg: 'noto-serif', weights: [400, 700], styles: ['normal', 'italic'] },
  { family: 'Noto Sans', pkg: 'noto-sans', weights: [400, 700], styles: ['normal', 'italic'] },
  { family: 'Amiri', pkg: 'amiri', weights: [400, 700], styles: ['normal', 'italic'], subsets: ['arabic'] },
  { family: 'Noto Serif Hebrew', pkg: 'noto-serif-hebrew', weights: [400, 700], styles: ['normal'], subsets: ['hebrew'] },
  { family: 'Noto Serif Armenian', pkg: 'noto-serif-armenian', weights: [400, 700], styles: ['normal'], subsets: ['armenian'] },
  { family: 'Noto Serif Georgian', pkg: 'noto-serif-georgian', weights: [400, 700], styles: ['normal'], subsets: ['georgian'] },
  { family: 'Noto Sans Ethiopic', pkg: 'noto-sans-ethiopic', weights: [400, 700], styles: ['normal'], subsets: ['ethiopic'] },
  { family: 'Noto Serif Devanagari', pkg: 'noto-serif-devanagari', weights: [400, 700], styles: ['normal'], subsets: ['devanagari'] },
  { family: 'Noto Serif Bengali', pkg: 'noto-serif-bengali', weights: [400, 700], styles: ['normal'], subsets: ['bengali'] },
  { family: 'Noto Sans Gurmukhi', pkg: 'noto-sans-gurmukhi', weights: [400, 700], styles: ['normal'], subsets: ['gurmukhi'] },
  { family: 'Noto Serif Gujarati', pkg: 'noto-serif-gujarati', weights: [400, 700], styles: ['normal'], subsets: ['gujarati'] },
  { family: 'Noto Sans Oriya', pkg: 'noto-sans-oriya', weights: [400, 700], styles: ['normal'], subsets: ['oriya'] },
  { family: 'Noto Serif Tamil', pkg: 'noto-serif-tamil', weights: [400, 700], styles: ['normal'], subsets: ['tamil'] },
  { family: 'Noto Serif Telugu', pkg: 'noto-serif-telugu', weights: [400, 700], styles: ['normal'], subsets: ['telugu'] },
  { family: 'Noto Sans Kannada', pkg: 'noto-sans-kannada', weights: [400, 700], styles: ['normal'], subsets: ['kannada'] },
  { family: 'Noto Serif Malayalam', pkg: 'noto-serif-malayalam', weights: [400, 700], styles: ['normal'], subsets: ['malayalam'] },
  { family: 'Noto Serif Sinhala', pkg: 'noto-serif-sinhala', weights: [400, 700], styles: ['normal'], subsets: ['sinhala'] },
  { family: 'Noto Serif Thai', pkg: 'noto-serif-thai', weights: [400, 700], styles: ['normal'], subsets: ['thai'] },
  { family: 'Noto Serif Lao', pkg: 'noto-serif-lao', weights: [400, 700], styles: ['normal'], subsets: ['lao'] },
  { family: 'Noto Serif Khmer', pkg: 'noto-serif-khmer', weights: [400, 700], styles: ['normal'], subsets: ['khmer'] },
  { family: 'Noto Serif Myanmar', pkg: 'noto-serif-myanmar', weights: [400, 700], styles: ['normal'], subsets: ['myanmar'] },
  { family: 'Noto Serif Tibetan', pkg: 'noto-serif-tibetan', weights: [400, 700], styles: ['normal'], subsets: ['tibetan'] },
  { family: 'Noto Sans Mongolian', pkg: 'noto-sans-mongolian', weights: [400], styles: ['normal'], subsets: ['mongolian'] },
  { family: 'Noto Sans Cherokee', pkg: 'noto-sans-cherokee', weights: [400, 700], styles: ['normal'], subsets: ['cherokee'] },
  { family: 'Noto Sans Canadian Aboriginal', pkg: 'noto-sans-canadian-aboriginal', weights: [400, 700], styles: ['normal'], subsets: ['canadian-aboriginal'] },
  { family: 'Noto Sans Math', pkg: 'noto-sans-math', weights: [400], styles: ['normal'] },
  { family: 'Noto Sans Symbols', pkg: 'noto-sans-symbols', weights: [400, 700], styles: ['normal'] },
  { family: 'Noto Sans Symbols 2', pkg: 'noto-sans-symbols-2', weights: [400], styles: ['normal'] },
  { family: 'Noto Serif SC', pkg: 'noto-serif-sc', weights: [400], styles: ['normal'] },
  { family: 'Noto Serif JP', pkg: 'noto-serif-jp', weights: [400], styles: ['normal'] },
  { family: 'Noto Serif KR', pkg: 'noto-serif-kr', weights: [400], styles: ['normal'] },
  { family: 'Noto Emoji', pkg: 'noto-emoji', weights: [400, 700], styles: ['normal'], subsets: ['emoji'] },
  // Text faces a book may choose (`font` in book.yaml), after every fallback: they change no other book.
  { family: 'EB Garamond', pkg: 'eb-garamond', weights: [400, 500, 600, 700], styles: ['normal', 'italic'] },
];

/** The shipped family a book may set its text in (`font` in book.yaml). */
export const shippedFamilyOf = (family: TextFamily): ShippedFamily => shippedFamilies.find((f) => f.family === family)!;

/** What the style sheets' generic families and common family names mean in Galley's browser. */
export const genericFamilies: Readonly<Record<string, string>> = {
  serif: 'Source Serif 4',
  'sans-serif': 'Source Sans 3',
  monospace: 'Source Code Pro',
  emoji: 'Noto Emoji',
};

/** Which shipped family writes a language's Han characters (Chromium passes the text's `lang`). */
export const hanFamilies: Readonly<Record<string, string>> = { ja: 'Noto Serif JP', ko: 'Noto Serif KR', zh: 'Noto Serif SC' };
