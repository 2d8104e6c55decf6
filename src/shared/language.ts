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
export const rightToLeftLetter =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** The direction of a text from its first strong letter (Unicode bidi rule P2), if it has one. */
export function textDirection(text: string): Direction | undefined {
  const first = /\p{L}/u.exec(text)?.[0];
  if (first === undefined) return undefined;
  return rightToLeftLetter.test(first) ? 'rtl' : 'ltr';
}

/** The words cross-references and captions are made of, in a language. */
export interface ReferenceWords {
  figure: string;
  table: string;
  /** What follows a reference in print, `%` for the page number: " on page %". */
  onPage: string;
  /** A part's label, `%` for its number: "Part %" (roman numerals but in Chinese, Japanese and Korean). */
  part: string;
  /** An appendix's label, `%` for its letter: "Appendix %". */
  appendix: string;
}

const referenceWords: Record<string, ReferenceWords> = {
  en: { figure: 'Figure', table: 'Table', onPage: ' on page %', part: 'Part %', appendix: 'Appendix %' },
  de: { figure: 'Abbildung', table: 'Tabelle', onPage: ' auf Seite %', part: 'Teil %', appendix: 'Anhang %' },
  fr: { figure: 'Figure', table: 'Tableau', onPage: ' page %', part: 'Partie %', appendix: 'Annexe %' },
  es: { figure: 'Figura', table: 'Tabla', onPage: ' en la página %', part: 'Parte %', appendix: 'Apéndice %' },
  it: { figure: 'Figura', table: 'Tabella', onPage: ' a pagina %', part: 'Parte %', appendix: 'Appendice %' },
  pt: { figure: 'Figura', table: 'Tabela', onPage: ' na página %', part: 'Parte %', appendix: 'Apêndice %' },
  nl: { figure: 'Figuur', table: 'Tabel', onPage: ' op pagina %', part: 'Deel %', appendix: 'Bijlage %' },
  sv: { figure: 'Figur', table: 'Tabell', onPage: ' på sidan %', part: 'Del %', appendix: 'Bilaga %' },
  da: { figure: 'Figur', table: 'Tabel', onPage: ' på side %', part: 'Del %', appendix: 'Bilag %' },
  nb: { figure: 'Figur', table: 'Tabell', onPage: ' på side %', part: 'Del %', appendix: 'Vedlegg %' },
  fi: { figure: 'Kuva', table: 'Taulukko', onPage: ' sivulla %', part: 'Osa %', appendix: 'Liite %' },
  pl: { figure: 'Rysunek', table: 'Tabela', onPage: ' na stronie %', part: 'Część %', appendix: 'Dodatek %' },
  cs: { figure: 'Obrázek', table: 'Tabulka', onPage: ' na straně %', part: 'Část %', appendix: 'Příloha %' },
  ru: { figure: 'Рисунок', table: 'Таблица', onPage: ' на с. %', part: 'Часть %', appendix: 'Приложение %' },
  uk: { figure: 'Рисунок', table: 'Таблиця', onPage: ' на с. %', part: 'Частина %', appendix: 'Додаток %' },
  tr: { figure: 'Şekil', table: 'Tablo', onPage: ' sayfa %', part: 'Kısım %', appendix: 'Ek %' },
  ar: { figure: 'الشكل', table: 'الجدول', onPage: ' في الصفحة %', part: 'الجزء %', appendix: 'الملحق %' },
  he: { figure: 'איור', table: 'טבלה', onPage: ' בעמוד %', part: 'חלק %', appendix: 'נספח %' },
  fa: { figure: 'شکل', table: 'جدول', onPage: ' در صفحه %', part: 'بخش %', appendix: 'پیوست %' },
  ja: { figure: '図', table: '表', onPage: '（%ページ）', part: '第%部', appendix: '付録%' },
  zh: { figure: '图', table: '表', onPage: '（第%页）', part: '第%部分', appendix: '附录%' },
  ko: { figure: '그림', table: '표', onPage: ' (%쪽)', part: '제%부', appendix: '부록 %' },
};

/** Words of cross-references and captions in the book's language (English where Galley has none). */
export function referenceWordsFor(language: string): ReferenceWords {
  return referenceWords[language.split('-')[0]!.toLowerCase()] ?? referenceWords.en!;
}
