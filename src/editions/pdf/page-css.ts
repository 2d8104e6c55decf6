import type { BookConfig } from '../../model/book.js';
import { trimSize } from '../../shared/trim-sizes.js';

interface PageGeometry {
  size: string;
  /** top, bottom, inner (binding side), outer */
  margins: [string, string, string, string];
  fontSize: string;
}

/** Page geometry of the first trim sizes, as they have always been set: mirrored margins, wider at the binding. */
export const geometry: Record<string, PageGeometry> = {
  A5: { size: '148mm 210mm', margins: ['20mm', '22mm', '20mm', '15mm'], fontSize: '10.5pt' },
  A4: { size: '210mm 297mm', margins: ['25mm', '28mm', '27mm', '22mm'], fontSize: '11pt' },
  letter: { size: '8.5in 11in', margins: ['1in', '1.1in', '1.05in', '0.85in'], fontSize: '11pt' },
  '6x9': { size: '6in 9in', margins: ['0.8in', '0.85in', '0.8in', '0.6in'], fontSize: '10.5pt' },
};

const mm = (value: number) => `${Math.round(value * 10) / 10}mm`;

/**
 * The geometry of any other trim size, in the proportions of A5's: top and bottom
 * margins 9.5 % and 10.5 % of the height, inner and outer 13.5 % and 10 % of the
 * width; 10.5 pt type on pages up to 160 mm wide, 11 pt on wider ones.
 */
export function geometryOf(trim: string): PageGeometry {
  const known = geometry[trim];
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

/** The generated sheet that sets the trim size and mirrored margins. */
export function pageCss(trim: BookConfig['trim']): string {
  const g = geometryOf(trim);
  const [top, bottom, inner, outer] = g.margins;
  return [
    `@page { size: ${g.size}; margin: ${top} ${outer} ${bottom} ${inner}; }`,
    `@page :left { margin-left: ${outer}; margin-right: ${inner}; }`,
    `@page :right { margin-left: ${inner}; margin-right: ${outer}; }`,
    `:root { --galley-font-size: ${g.fontSize}; --galley-content-width: calc(${g.size.split(' ')[0]} - ${inner} - ${outer}); }`,
  ].join('\n');
}
