import type { Root } from 'xast';
import { x } from 'xastscript';
import type { BookConfig } from '../../model/book.js';

/** Split a title into lines of at most `width` characters, at spaces. */
function lines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A typographic cover generated from the metadata, as SVG (no browser needed). */
export function svgCover(config: BookConfig): Root {
  const titleLines = lines(config.title, 16);
  const text = (y: number, size: number, value: string, extra: Record<string, string> = {}) =>
    x('text', { x: '800', y: String(y), 'font-size': String(size), 'text-anchor': 'middle', ...extra }, value);
  return x(null, [
    x(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        version: '1.1',
        viewBox: '0 0 1600 2560',
        width: '1600',
        height: '2560',
        role: 'img',
        'aria-labelledby': 'cover-title',
      },
      [
        x('title', { id: 'cover-title' }, `${config.title}, by ${config.creator.join(', ')}`),
        x('rect', { width: '1600', height: '2560', fill: '#f6f4ee' }),
        x('rect', { x: '80', y: '80', width: '1440', height: '2400', fill: 'none', stroke: '#1a1a1a', 'stroke-width': '4' }),
        x('g', { 'font-family': "'Source Serif 4', Georgia, 'Times New Roman', serif", fill: '#1a1a1a' }, [
          ...titleLines.map((line, i) => text(900 + i * 170, 150, line, { 'font-weight': '700' })),
          ...(config.subtitle ? [text(900 + titleLines.length * 170 + 60, 70, config.subtitle, { 'font-style': 'italic' })] : []),
          text(1900, 72, config.creator.join(', ')),
          ...(config.publisher ? [text(2320, 48, config.publisher.toUpperCase(), { 'letter-spacing': '6' })] : []),
        ]),
      ],
    ),
  ]);
}
