import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { BookWords } from './book-words.js';
import { FontTags } from './font-tags.js';
import { JoinedBook } from './joined-book.js';
import { settleGlyphTexts } from './glyph-texts.js';
import { readPageTexts } from './page-texts.js';
import { markPageArtifacts } from './mark-artifacts.js';
import { renameStructIds } from './stable-struct-ids.js';

/** One layout part as printed. */
export interface PrintedPart {
  readonly bytes: Uint8Array;
  /** A blank page goes before it (its first page must be a right-hand one). */
  readonly blankBefore: boolean;
  /** It goes on with the chapter of the part before: its outline entries nest under that chapter's. */
  readonly continues: boolean;
}

/** Where an element with an id is: its book page (from 1) and top left corner on the page, in CSS pixels. */
export interface Anchor {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Joins the parts' PDFs into one book as they are printed, while the browser lays
 * out the others: pages in order (with the blank pages that put chapters on
 * right-hand pages), one structure tree (the parts' elements under one document
 * element, their parent trees renumbered), one outline, one set of named
 * destinations; links to other parts (`galley-dest:<id>`) become links to their
 * places. The parts after the first are joined in order as soon as the ones
 * before them are in; the first (title page and contents), printed last, goes in
 * front at the end. Each part's PDF is dropped once joined. A one-part book is its
 * part. What a part's pages paint outside its tags is marked as artifacts first.
 */
export class BookJoiner {
  readonly #parts: number;
  readonly #waiting = new Map<number, PrintedPart>();
  readonly #fontTags = new FontTags();
  #next = 1;
  #joined: JoinedBook | undefined;
  #work: Promise<void> = Promise.resolve();

  readonly #words: BookWords | undefined;

  /** For a book laid out in `parts` parts, whose words are `words` (for the spaces where lines wrap: `markPageArtifacts`). */
  constructor(parts: number, words?: BookWords) {
    this.#parts = parts;
    this.#words = words;
  }

  /** Part `index` as printed (in any order; each once). */
  add(index: number, part: PrintedPart): void {
    if (index < 0 || index >= this.#parts || this.#waiting.has(index) || (index > 0 && index < this.#next))
      throw new Error(`Part ${index + 1} joined twice or unknown`);
    this.#waiting.set(index, part);
    if (index !== this.#next) return;
    this.#work = this.#work.then(() => this.#joinWaiting());
    // A failure is thrown by `finish`; until then it must not count as unhandled.
    this.#work.catch(() => undefined);
  }

  async #joinWaiting(): Promise<void> {
    for (let part = this.#waiting.get(this.#next); part; part = this.#waiting.get(this.#next)) {
      const pdf = await this.#load(part, this.#next);
      if (this.#joined) this.#joined.add(pdf, part, 'end');
      else this.#joined = new JoinedBook(pdf, part);
      this.#waiting.delete(this.#next);
      this.#next++;
    }
  }

  async #load(part: PrintedPart, index: number): Promise<PDFDocument> {
    const pdf = await PDFDocument.load(part.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    // Here, part by part, while the browser lays out the others.
    const texts = readPageTexts(pdf);
    settleGlyphTexts(pdf, texts);
    markPageArtifacts(pdf, this.#words, texts);
    if (this.#parts === 1) return pdf;
    this.#fontTags.retag(pdf);
    renameStructIds(pdf, index);
    return pdf;
  }

  /** The book, once every part was added; a link between parts gets its description (`/Contents`) from `describe`. */
  async finish(anchors: ReadonlyMap<string, Anchor>, describe: (id: string) => string): Promise<PDFDocument> {
    await this.#work;
    const first = this.#waiting.get(0);
    if (!first || this.#next !== this.#parts) {
      const missing = Array.from({ length: this.#parts }, (_x, index) => index).filter((index) =>
        index === 0 ? !first : index >= this.#next && !this.#waiting.has(index),
      );
      throw new Error(`Parts ${missing.map((index) => index + 1).join(', ')} of ${this.#parts} were not printed`);
    }
    const front = await this.#load(first, 0);
    this.#waiting.clear();
    if (!this.#joined) return front;
    this.#joined.add(front, first, 'start');
    this.#joined.finish(anchors, describe);
    return this.#joined.book;
  }
}
