/** The PDF standards the print edition can be made to (`--pdf-standard`): PDF/A-2b for archives, PDF/UA-1 for accessibility; both at once too. */
export const pdfStandards = ['pdfa-2b', 'pdfua-1'] as const;
export type PdfStandard = (typeof pdfStandards)[number];

/** Other names a standard may be asked for by. */
export const pdfStandardAliases: Readonly<Record<string, PdfStandard>> = {
  pdfa: 'pdfa-2b',
  'pdf/a-2b': 'pdfa-2b',
  pdfua: 'pdfua-1',
  'pdf/ua': 'pdfua-1',
  'pdf/ua-1': 'pdfua-1',
};

/** How a standard is named in messages. */
export const pdfStandardNames: Readonly<Record<PdfStandard, string>> = { 'pdfa-2b': 'PDF/A-2b', 'pdfua-1': 'PDF/UA-1' };

/** The standards, named, as the subject of what they forbid: "PDF/A-2b forbids", "PDF/UA-1 and PDF/A-2b forbid". */
export function forbiddenBy(standards: readonly PdfStandard[]): string {
  return `${standards.map((standard) => pdfStandardNames[standard]).join(' and ')} ${standards.length > 1 ? 'forbid' : 'forbids'}`;
}

/** What the standards a file is made to claim in its XMP identification schemas (`pdfaid`, `pdfuaid`). */
export interface PdfClaims {
  pdfa?: { part: number; conformance: 'A' | 'B' | 'U' } | undefined;
  pdfua?: { part: number } | undefined;
}

/** The claims of `standards` (none: no claim). */
export function pdfClaims(standards: readonly PdfStandard[]): PdfClaims {
  return {
    ...(standards.includes('pdfa-2b') ? { pdfa: { part: 2, conformance: 'B' as const } } : {}),
    ...(standards.includes('pdfua-1') ? { pdfua: { part: 1 } } : {}),
  };
}
