import { createRequire } from 'node:module';
import type { Hyphenate } from './plugins/rehype-hyphenate.js';

const require = createRequire(import.meta.url);

/** Pattern modules of the `hyphen` package, by primary language (English by region). */
const patterns: Record<string, string> = {
  'en-gb': 'en-gb',
  en: 'en-us',
  de: 'de',
  fr: 'fr',
  es: 'es',
  it: 'it',
  nl: 'nl',
  pt: 'pt',
  sv: 'sv',
  da: 'da',
  fi: 'fi',
  pl: 'pl',
  cs: 'cs',
  ru: 'ru',
  el: 'el-monoton',
  tr: 'tr',
  hu: 'hu',
  nb: 'nb',
  nn: 'nn',
};

/** A hyphenator for a BCP 47 language, or undefined when the language has no patterns. */
export function hyphenatorFor(language: string): Hyphenate | undefined {
  const tag = language.toLowerCase();
  const key = patterns[tag] ?? patterns[tag.split('-')[0]!];
  if (!key) return undefined;
  // `hyphen` is CommonJS, one module per language.
  const mod = require(`hyphen/${key}`) as { hyphenateSync: (text: string, options: object) => string };
  // URLs and e-mail addresses stay as they are; they break by `overflow-wrap` instead.
  return (text) => mod.hyphenateSync(text, { hyphenChar: '\u00ad', minWordLength: 6, exceptions: [] });
}
