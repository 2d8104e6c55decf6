import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ValueType } from './declaration.js';
import { dateContent, listContent, type DateValue } from './render-helpers.js';

type Person = { name: string; role?: string | undefined };
type Coordinates = { latitude: number; longitude: number };

const text = (value: string): ElementContent[] => [{ type: 'text', value }];

/** "33.34°N 44.4°E" */
export function formatCoordinates(c: Coordinates): string {
  const lat = `${Math.abs(c.latitude)}°${c.latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(c.longitude)}°${c.longitude >= 0 ? 'E' : 'W'}`;
  return `${lat} ${lon}`;
}

function personContent(p: Person): ElementContent[] {
  return [h('span', { className: ['name'] }, p.name), ...(p.role ? [text(' ')[0]!, h('span', { className: ['role'] }, p.role)] : [])];
}

/**
 * The content of a validated value of a plain (not group, not image) field, in
 * the book's language.
 */
export function valueContent(type: Exclude<ValueType, 'group' | 'image'>, value: unknown, language: string): ElementContent[] {
  switch (type) {
    case 'text':
      return text(value as string);
    case 'list':
      return listContent(value as string[]);
    case 'date':
    case 'date-range':
      return dateContent(value as DateValue, language);
    case 'number':
      return text(new Intl.NumberFormat(language).format(value as number));
    case 'url':
      return [h('a', { href: value as string }, (value as string).replace(/^mailto:/i, ''))];
    case 'coordinates':
      return text(formatCoordinates(value as Coordinates));
    case 'person':
      return personContent(value as Person);
    case 'people':
      return [
        h(
          'ul',
          { className: ['people'] },
          (value as Person[]).map((p) => h('li', personContent(p))),
        ),
      ];
  }
}
