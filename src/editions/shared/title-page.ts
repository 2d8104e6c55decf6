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

/** The half title, the first page of a printed book with front matter: the title alone. */
export function halfTitle(config: BookConfig): Element {
  return h('section', { id: 'half-title', className: ['half-title'] }, [h('p', { className: ['half-title-text'] }, config.title)]);
}

/** An ISBN from the book's identifier (`urn:isbn:…`), as printed: `ISBN 978-…`. */
export const isbnOf = (identifier: string): string | undefined => (/^urn:isbn:/i.test(identifier) ? `ISBN ${identifier.slice(9)}` : undefined);

/**
 * The copyright page (the title page's verso) of a book with front matter, from
 * `book.yaml`: the title, the rights, the ISBN, the publisher and the date of
 * publication; none when the book gives neither rights, an ISBN nor a publisher.
 */
export function copyrightPage(config: BookConfig): Element | undefined {
  const isbn = isbnOf(config.identifier);
  if (config.rights === undefined && isbn === undefined && config.publisher === undefined) return undefined;
  const line = (className: string, text: string | Element | undefined) => (text === undefined ? undefined : h('p', { className: [className] }, text));
  return h('section', { id: 'copyright-page', className: ['copyright-page'] }, [
    line('copyright-title', config.subtitle ? `${config.title}: ${config.subtitle}` : config.title),
    line('copyright-rights', config.rights),
    line('copyright-isbn', isbn),
    line('copyright-publisher', config.publisher),
    line('copyright-date', config.date ? h('time', { dateTime: config.date }, formatIsoDate(config.date, config.language)) : undefined),
  ]);
}
