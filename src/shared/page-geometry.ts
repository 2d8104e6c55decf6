import { lengthInMm, trimSize } from './trim-sizes.js';

export interface PageGeometry {
  /** The trim's width and height, as CSS `size` takes them. */
  size: string;
  /** top, bottom, inner (binding side), outer */
  margins: [string, string, string, string];
  fontSize: string;
}

/** Page geometry of the first trim sizes, as they have always been set: mirrored margins, wider at the binding. */
const firstSizes: Record<string, PageGeometry> = {
  A5: { size: '148mm 210mm', margins: ['20mm', '22mm', '20mm', '15mm'], fontSize: '10.5pt' },
  A4: { size: '210mm 297mm', margins: ['25mm', '28mm', '27mm', '22mm'], fontSize: '11pt' },
  letter: { size: '8.5in 11in', margins: ['1in', '1.1in', '1.05in', '0.85in'], fontSize: '11pt' },
  '6x9': { size: '6in 9in', margins: ['0.8in', '0.85in', '0.8in', '0.6in'], fontSize: '10.5pt' },
};

const mm = (value: number) => `${Math.round(value * 10) / 10}mm`;

/**
 * The geometry of a trim size: the first four as they have always been, any other
 * in the proportions of A5's (top and bottom margins 9.5 % and 10.5 % of the
 * height, inner and outer 13.5 % and 10 % of the width; 10.5 pt type on pages up
 * to 160 mm wide, 11 pt on wider ones).
 */
export function geometryOf(trim: string): PageGeometry {
  const known = firstSizes[trim];
  if (known) return known;
  const size = trimSize(trim);
  if (!size) throw new Error(`Unknown trim size ${trim}`);
  const { width, height } = size;
  return {
    size: `${mm(width)} ${mm(height)}`,
    margins: [mm(height * 0.095), mm(height * 0.105), mm(width * 0.135), mm(width * 0.1)],
    fontSize: width <= 160 ? '10.5pt' : '11pt',
  };
}

export interface MarginSettings {
  top?: string | undefined;
  bottom?: string | undefined;
  inner?: string | undefined;
  outer?: string | undefined;
}

/** A trim's geometry with the margins a book sets in place of its own. */
export function geometryWith(trim: string, margins: MarginSettings | undefined): PageGeometry {
  const g = geometryOf(trim);
  const [top, bottom, inner, outer] = g.margins;
  if (!margins) return g;
  return { ...g, margins: [margins.top ?? top, margins.bottom ?? bottom, margins.inner ?? inner, margins.outer ?? outer] };
}

/** The width and height of the text area in millimetres. */
export function textArea(g: PageGeometry): { width: number; height: number } {
  const [w, h] = g.size.split(' ').map((side) => lengthInMm(side)!);
  const [top, bottom, inner, outer] = g.margins.map((side) => lengthInMm(side)!);
  return { width: w! - inner! - outer!, height: h! - top! - bottom! };
}

type PressSettings = { bleed?: string | undefined; marks?: readonly string[] | undefined } | undefined;

/** The bleed around each page in millimetres: as set, or 3 mm for printer's marks without one. */
export function bleedOf(page: PressSettings): number {
  if (page?.bleed !== undefined) return lengthInMm(page.bleed) ?? 0;
  return page?.marks ? 3 : 0;
}

/**
 * The room for printer's marks outside the bleed (the slug), in millimetres: 10 mm, more with a
 * bleed over 3 mm. Paged.js centres the 5 mm registration marks on the sheet's whole margin (the
 * bleed and the slug): a slug of the bleed plus 7 mm keeps them 1 mm outside the bleed.
 */
export function marksAreaOf(page: PressSettings): number {
  return page?.marks ? Math.max(10, bleedOf(page) + 7) : 0;
}

/** How far the sheet reaches beyond the trim on every side, in millimetres: the bleed, then the marks' room. */
export function sheetMarginOf(page: PressSettings): number {
  return bleedOf(page) + marksAreaOf(page);
}
