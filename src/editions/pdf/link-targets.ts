import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { Book } from '../../model/book.js';
import { referenceWordsFor } from '../../shared/language.js';

/** The longest description taken from an element's text. */
const MAX_LENGTH = 80;

const heading = /^h[1-6]$/;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_LENGTH ? flat : `${flat.slice(0, MAX_LENGTH - 1).trimEnd()}…`;
}

/**
 * The text a reader hears of an element: without footnote calls and the notes'
 * links back; elements side by side apart (a part's label and its title).
 */
function spokenText(node: Element): string {
  let previous: ElementContent | undefined;
  const parts: string[] = [];
  for (const child of node.children) {
    if (child.type === 'text') parts.push(child.value);
    else if (child.type === 'element' && child.properties.dataFootnoteRef === undefined && child.properties.dataFootnoteBackref === undefined) {
      if (previous?.type === 'element') parts.push(' ');
      parts.push(spokenText(child));
    }
    previous = child;
  }
  return parts.join('');
}

/** What an element says of itself: a heading its text, a figure or table its caption, anything else its first words. */
function describeElement(node: Element): string {
  if (heading.test(node.tagName)) return shorten(spokenText(node));
  const caption = node.children.find((child): child is Element => child.type === 'element' && (child.tagName === 'figcaption' || child.tagName === 'caption'));
  return shorten(spokenText(caption ?? node));
}

/** An id as the PDF names its place: Chromium percent-encodes what is not ASCII. */
function decodeId(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * How a link within the book is described to a reader that cannot see the page
 * (the link's `/Contents`): what it leads to and the page it is on, in the
 * book's language (“Background on page 3”). `folios` are the pages of the ids.
 */
export function destinationDescriber(book: Book, folios: ReadonlyMap<string, string>): (id: string) => string {
  const texts = new Map<string, string>();
  for (const chapter of book.chapters) {
    visit(chapter.tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string' && !texts.has(id)) texts.set(id, describeElement(node));
    });
  }
  const onPage = referenceWordsFor(book.config.language).onPage;
  return (name) => {
    const id = texts.has(name) || folios.has(name) ? name : decodeId(name);
    const text = texts.get(id) || undefined;
    const folio = folios.get(id);
    if (folio === undefined) return text ?? id;
    const page = onPage.replace('%', folio);
    return text === undefined ? page.trim() : `${text}${page}`;
  };
}
