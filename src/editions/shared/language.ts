/** Localised label of the table of contents. */
export function contentsLabel(language: string): string {
  const labels: Record<string, string> = { en: 'Contents', de: 'Inhalt', fr: 'Table des matières', es: 'Índice', ar: 'المحتويات', it: 'Indice', nl: 'Inhoud' };
  return labels[language.split('-')[0]!.toLowerCase()] ?? 'Contents';
}

/** Whether a language is written right to left. */
export function isRtl(language: string): boolean {
  return ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv'].includes(language.split('-')[0]!.toLowerCase());
}
