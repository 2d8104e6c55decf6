import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatIsoDate, formatIsoDateRange } from '../shared/dates.js';

export type DateValue = string | { start: string; end?: string | undefined };

/** A `<time>` for a date, a date range, or a range still open ("1958 –"). */
export function dateContent(value: DateValue, language: string): ElementContent[] {
  if (typeof value === 'string') return [h('time', { dateTime: value }, formatIsoDate(value, language))];
  if (value.end === undefined) return [h('time', { dateTime: value.start }, formatIsoDate(value.start, language)), { type: 'text', value: ' –' }];
  const parts = formatIsoDateRange(value.start, value.end, language);
  if (parts.end === '') return [h('time', { dateTime: value.start }, parts.start)];
  return [h('time', { dateTime: value.start }, parts.start), { type: 'text', value: parts.separator }, h('time', { dateTime: value.end }, parts.end)];
}

/** A list when there are several items, the item itself when there is one. */
export function listContent(items: readonly string[]): ElementContent[] {
  if (items.length === 1) return [{ type: 'text', value: items[0]! }];
  return [
    h(
      'ul',
      items.map((item) => h('li', item)),
    ),
  ];
}

/** A table row: a row header and one data cell spanning `span` columns. */
export function row(label: string, content: ElementContent[], span = 1): Element {
  return h('tr', [h('th', { scope: 'row' }, label), h('td', span > 1 ? { colSpan: span } : {}, content)]);
}

/** The accessible frame every infobox shares: `aside` > `table` with a `caption`. */
export function frame(options: { id: string; type: string; caption: ElementContent[]; bodies: Element[] }): Element {
  const captionId = `${options.id}-caption`;
  return h('aside', { className: ['infobox', `infobox-${options.type}`], id: options.id, ariaLabelledBy: captionId }, [
    h('table', [h('caption', { id: captionId }, options.caption), ...options.bodies.filter((body) => body.children.length > 0)]),
  ]);
}
