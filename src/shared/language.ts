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

/** The words cross-references and captions are made of, in a language. */
export interface ReferenceWords {
  figure: string;
  table: string;
  /** What follows a reference in print, `%` for the page number: " on page %". */
  onPage: string;
}

const referenceWords: Record<string, ReferenceWords> = {
  en: { figure: 'Figure', table: 'Table', onPage: ' on page %' },
  de: { figure: 'Abbildung', table: 'Tabelle', onPage: ' auf Seite %' },
  fr: { figure: 'Figure', table: 'Tableau', onPage: ' page %' },
  es: { figure: 'Figura', table: 'Tabla', onPage: ' en la página %' },
  it: { figure: 'Figura', table: 'Tabella', onPage: ' a pagina %' },
  pt: { figure: 'Figura', table: 'Tabela', onPage: ' na página %' },
  nl: { figure: 'Figuur', table: 'Tabel', onPage: ' op pagina %' },
  sv: { figure: 'Figur', table: 'Tabell', onPage: ' på sidan %' },
  da: { figure: 'Figur', table: 'Tabel', onPage: ' på side %' },
  nb: { figure: 'Figur', table: 'Tabell', onPage: ' på side %' },
  fi: { figure: 'Kuva', table: 'Taulukko', onPage: ' sivulla %' },
  pl: { figure: 'Rysunek', table: 'Tabela', onPage: ' na stronie %' },
  cs: { figure: 'Obrázek', table: 'Tabulka', onPage: ' na straně %' },
  ru: { figure: 'Рисунок', table: 'Таблица', onPage: ' на с. %' },
  uk: { figure: 'Рисунок', table: 'Таблиця', onPage: ' на с. %' },
  tr: { figure: 'Şekil', table: 'Tablo', onPage: ' sayfa %' },
  ar: { figure: 'الشكل', table: 'الجدول', onPage: ' في الصفحة %' },
  he: { figure: 'איור', table: 'טבלה', onPage: ' בעמוד %' },
  fa: { figure: 'شکل', table: 'جدول', onPage: ' در صفحه %' },
  ja: { figure: '図', table: '表', onPage: '（%ページ）' },
  zh: { figure: '图', table: '表', onPage: '（第%页）' },
  ko: { figure: '그림', table: '표', onPage: ' (%쪽)' },
};

/** Words of cross-references and captions in the book's language (English where Galley has none). */
export function referenceWordsFor(language: string): ReferenceWords {
  return referenceWords[language.split('-')[0]!.toLowerCase()] ?? referenceWords.en!;
}
