import type { BookConfig } from '../../model/book.js';

interface PageGeometry {
  size: string;
  /** top, bottom, inner (binding side), outer */
  margins: [string, string, string, string];
  fontSize: string;
}

/** Page geometry of each trim size: mirrored margins, wider at the binding. */
export const geometry: Record<BookConfig['trim'], PageGeometry> = {
  A5: { size: '148mm 210mm', margins: ['20mm', '22mm', '20mm', '15mm'], fontSize: '10.5pt' },
  A4: { size: '210mm 297mm', margins: ['25mm', '28mm', '27mm', '22mm'], fontSize: '11pt' },
  letter: { size: '8.5in 11in', margins: ['1in', '1.1in', '1.05in', '0.85in'], fontSize: '11pt' },
  '6x9': { size: '6in 9in', margins: ['0.8in', '0.85in', '0.8in', '0.6in'], fontSize: '10.5pt' },
};

/** The generated sheet that sets the trim size and mirrored margins. */
export function pageCss(trim: BookConfig['trim']): string {
  const g = geometry[trim];
  const [top, bottom, inner, outer] = g.margins;
  return [
    `@page { size: ${g.size}; margin: ${top} ${outer} ${bottom} ${inner}; }`,
    `@page :left { margin-left: ${outer}; margin-right: ${inner}; }`,
    `@page :right { margin-left: ${inner}; margin-right: ${outer}; }`,
    `:root { --galley-font-size: ${g.fontSize}; --galley-content-width: calc(${g.size.split(' ')[0]} - ${inner} - ${outer}); }`,
  ].join('\n');
}
