import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFString } from 'pdf-lib';
import { assetPath } from '../../shared/package-files.js';
import { annotationsOf } from './pdf-trees.js';

/** The ICC's sRGB profile, shipped with Galley (`profiles/`). */
const SRGB_PROFILE = 'profiles/sRGB2014.icc';
const SRGB_CONDITION = 'sRGB IEC61966-2.1';

/** Annotation flags (ISO 32000-1, 12.5.3). */
const INVISIBLE = 1;
const HIDDEN = 2;
const PRINT = 4;
const NO_VIEW = 32;
const TOGGLE_NO_VIEW = 256;

/**
 * What PDF/A-2 (ISO 19005-2) asks of a PDF beyond what every Galley PDF has (fonts
 * embedded, XMP mirroring the information dictionary, a file id, names within
 * their limit, no .notdef glyph: missing glyphs stop a PDF/A build): the output
 * intent the device colours are meant in (the ICC's sRGB profile: Chromium
 * paints in DeviceRGB), and every annotation printable and visible. The XMP
 * identification (`pdfaid`) is written with the rest of the XMP.
 */
export async function conformToPdfA(pdf: PDFDocument): Promise<void> {
  const { context } = pdf;
  const profile = context.flateStream(await readFile(assetPath(SRGB_PROFILE)), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(SRGB_CONDITION),
    DestOutputProfile: context.register(profile),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  for (const annot of annotationsOf(pdf)) {
    const flags = annot.get(PDFName.of('F'));
    const set = flags instanceof PDFNumber ? flags.asNumber() : 0;
    annot.set(PDFName.of('F'), PDFNumber.of((set | PRINT) & ~(INVISIBLE | HIDDEN | NO_VIEW | TOGGLE_NO_VIEW)));
  }
}

/** The longest string PDF/A-2 allows, in bytes (ISO 19005-2, 6.1.13). */
export const MAX_STRING_BYTES = 32_767;

/** Where the file holds a string longer than PDF/A allows: the keys of the entries, with their lengths in bytes. */
export function longStrings(pdf: PDFDocument): Array<{ key: string; bytes: number }> {
  const found: Array<{ key: string; bytes: number }> = [];
  const visit = (value: PDFObject, key: string) => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const bytes = value instanceof PDFHexString ? Math.ceil(value.asString().replace(/\s+/g, '').length / 2) : value.asBytes().length;
      if (bytes > MAX_STRING_BYTES) found.push({ key, bytes });
    } else if (value instanceof PDFDict) {
      for (const [name, entry] of value.entries()) visit(entry, name.decodeText());
    } else if (value instanceof PDFArray) {
      for (const entry of value.asArray()) visit(entry, key);
    } else if (value instanceof PDFRawStream) {
      visit(value.dict, key);
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object, '');
  // The information dictionary, which the trailer may hold directly.
  const info = pdf.context.trailerInfo.Info;
  if (info instanceof PDFDict) visit(info, 'Info');
  return found;
}
