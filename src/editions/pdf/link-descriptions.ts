import { type PDFDict, PDFHexString, PDFName, type PDFDocument, type PDFObject } from 'pdf-lib';
import { annotationsOf, dictAt, resolve, stringText } from './pdf-trees.js';

/** A destination's name, or a URI: a string or a name. */
const textOf = (value: PDFObject | undefined): string | undefined => stringText(value) ?? (value instanceof PDFName ? value.decodeText() : undefined);

/**
 * Give every link annotation the alternate description PDF/UA asks for
 * (`/Contents`): a link within the book says where it leads (`describe` of
 * its destination's name, the id of the element it points to), a link out of
 * the book its address. A link that has a description keeps it.
 */
export function describeLinks(pdf: PDFDocument, describe: (destination: string) => string): void {
  for (const annot of annotationsOf(pdf)) {
    if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents'))) continue;
    const description = describeLink(pdf.context, annot, describe);
    if (description !== undefined) annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
  }
}

function describeLink(context: PDFDocument['context'], annot: PDFDict, describe: (destination: string) => string): string | undefined {
  const destination = textOf(resolve(context, annot.get(PDFName.of('Dest'))));
  if (destination !== undefined) return describe(destination);
  const action = dictAt(context, annot, 'A');
  if (!action) return undefined;
  const kind = action.get(PDFName.of('S'));
  if (kind === PDFName.of('URI')) return textOf(resolve(context, action.get(PDFName.of('URI'))));
  if (kind === PDFName.of('GoTo')) {
    const target = textOf(resolve(context, action.get(PDFName.of('D'))));
    return target === undefined ? undefined : describe(target);
  }
  return undefined;
}
