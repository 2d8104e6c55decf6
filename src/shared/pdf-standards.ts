/** The PDF standards the print edition can be made to (`--pdf-standard`). */
export const pdfStandards = ['pdfa-2b'] as const;
export type PdfStandard = (typeof pdfStandards)[number];

/** Other names a standard may be asked for by. */
export const pdfStandardAliases: Readonly<Record<string, PdfStandard>> = { pdfa: 'pdfa-2b', 'pdf/a-2b': 'pdfa-2b' };

/** What a standard claims in the XMP identification schema (`pdfaid`). */
export const pdfaIdentification: Readonly<Record<PdfStandard, { part: number; conformance: 'A' | 'B' | 'U' }>> = {
  'pdfa-2b': { part: 2, conformance: 'B' },
};
