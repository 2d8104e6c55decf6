/** Localised label of the table of contents. */
export function contentsLabel(language: string): string {
  const labels: Record<string, string> = { en: 'Contents', de: 'Inhalt', fr: 'Table des matières', es: 'Índice', ar: 'المحتويات', it: 'Indice', nl: 'Inhoud' };
  return labels[language.split('-')[0]!.toLowerCase()] ?? 'Contents';
}

/** Whether a language is written right to left. */
export function isRtl(language: string): boolean {
  return ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv'].includes(language.split('-')[0]!.toLowerCase());
}

export type Direction = 'ltr' | 'rtl';

/** Letters of scripts written right to left (Unicode bidi classes R and AL). */
const rightToLeft =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** The direction of a text from its first strong letter (Unicode bidi rule P2), if it has one. */
export function textDirection(text: string): Direction | undefined {
  const first = /\p{L}/u.exec(text)?.[0];
  if (first === undefined) return undefined;
  return rightToLeft.test(first) ? 'rtl' : 'ltr';
}
