import { PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { operations, TEXT_SHOWING } from './content-stream.js';
import { contentRefs, contentText, dictAt, resolve } from './pdf-trees.js';

/** A place a PDF draws the `.notdef` glyph: the page (from 1) and the font. */
export interface NotdefUse {
  page: number;
  font: string;
  /** How many boxes the page draws in the font. */
  count: number;
}

/**
 * Where the pages draw the `.notdef` glyph (the box a character no font has
 * prints as), in the page's content and in the forms it paints (an SVG image, say):
 * text shown in a composite font (Chromium's: two-byte codes, CID = glyph) with
 * code 0. Whatever put the character there (chapter text, a running head's
 * capitals, a style sheet's `content`, an SVG's text), it is found here.
 */
export function notdefUses(pdf: PDFDocument): NotdefUse[] {
  const { context } = pdf;
  const found: NotdefUse[] = [];
  const seen = new Set<PDFRawStream>();
  const scan = (streams: PDFRawStream[], resources: PDFDict | undefined, page: number) => {
    const text = contentText(streams);
    // (Most pages draw no glyph 0 and no form: not read any further.)
    if (!/<[0-9A-Fa-f\s]*0000|\bDo\b/.test(text)) return;
    const fonts = resources ? dictAt(context, resources, 'Font') : undefined;
    const xobjects = resources ? dictAt(context, resources, 'XObject') : undefined;
    let font: PDFDict | undefined;
    for (const { operator, start, end } of operations(text)) {
      const operands = text.slice(start, end);
      if (operator === 'Tf') {
        const name = /\/([^\s/<>[\]()]+)/.exec(operands)?.[1];
        const value = name && fonts ? resolve(context, fonts.get(PDFName.of(name))) : undefined;
        font = value instanceof PDFDict ? value : undefined;
      } else if (TEXT_SHOWING.has(operator) && font?.get(PDFName.of('Subtype')) === PDFName.of('Type0')) {
        for (const [, hex] of operands.matchAll(/<([0-9A-Fa-f\s]*)>/g)) {
          const digits = hex!.replace(/\s+/g, '');
          const boxes = (digits.match(/[0-9A-Fa-f]{4}/g) ?? []).filter((code) => code === '0000').length;
          if (boxes > 0) {
            const base = font.get(PDFName.of('BaseFont'));
            const name = base instanceof PDFName ? base.decodeText().replace(/^[A-Z]{6}\+/, '') : 'a font';
            const use = found.find((one) => one.page === page && one.font === name);
            if (use) use.count += boxes;
            else found.push({ page, font: name, count: boxes });
          }
        }
      } else if (operator === 'Do' && xobjects) {
        const name = /\/([^\s/<>[\]()]+)/.exec(operands)?.[1];
        const form = name ? resolve(context, xobjects.get(PDFName.of(name))) : undefined;
        if (form instanceof PDFRawStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && !seen.has(form)) {
          seen.add(form);
          scan([form], dictAt(context, form.dict, 'Resources') ?? resources, page);
        }
      }
    }
  };
  pdf.getPages().forEach((page, index) => {
    const streams = contentRefs(page.node)
      .map((ref) => context.lookup(ref))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream);
    scan(streams, page.node.Resources(), index + 1);
  });
  return found;
}
