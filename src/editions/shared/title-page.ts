import type { Element } from 'hast';
import { h } from 'hastscript';
import type { BookConfig } from '../../model/book.js';
import { formatIsoDate } from '../../shared/dates.js';

/** The title page: title, subtitle, creators, publisher and date. */
export function titlePage(config: BookConfig): Element {
  return h('header', { id: 'title-page', className: ['title-page'] }, [
    h('h1', { className: ['book-title'] }, config.title),
    config.subtitle ? h('p', { className: ['book-subtitle'] }, config.subtitle) : undefined,
    h('p', { className: ['book-creators'] }, config.creator.join(', ')),
    config.publisher ? h('p', { className: ['book-publisher'] }, config.publisher) : undefined,
    config.date ? h('p', { className: ['book-date'] }, h('time', { dateTime: config.date }, formatIsoDate(config.date, config.language))) : undefined,
  ]);
}
