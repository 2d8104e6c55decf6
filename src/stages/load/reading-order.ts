import type { BookConfig, ChapterPlace } from '../../model/book.js';

/** A chapter file as `book.yaml` lists it, where it is listed, and its place in the book. */
export interface ListedChapter {
  readonly relative: string;
  /** Its path in `book.yaml` (for messages at the line that lists it). */
  readonly yamlPath: ReadonlyArray<string | number>;
  readonly place: Omit<ChapterPlace, 'role'> & { readonly defaultRole: ChapterPlace['role'] | undefined };
}

/** Appendix letters: A … Z, then AA, AB, … */
export function appendixLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? letters[index]! : appendixLetter(Math.floor(index / 26) - 1) + letters[index % 26]!;
}

/**
 * The book's files in reading order: front matter, the chapters (those of a part
 * after its title), the appendices lettered A, B, …, the back matter.
 */
export function readingOrder(config: Pick<BookConfig, 'front' | 'chapters' | 'appendices' | 'back'>): ListedChapter[] {
  const listed: ListedChapter[] = [];
  for (const [index, relative] of (config.front ?? []).entries()) {
    listed.push({ relative, yamlPath: ['front', index], place: { matter: 'front', defaultRole: undefined } });
  }
  let partNumber = 0;
  for (const [index, entry] of config.chapters.entries()) {
    if (typeof entry === 'string') {
      listed.push({ relative: entry, yamlPath: ['chapters', index], place: { matter: 'body', defaultRole: 'chapter' } });
      continue;
    }
    partNumber++;
    for (const [inPart, relative] of entry.chapters.entries()) {
      const part = { number: partNumber, title: entry.part, opens: inPart === 0 };
      listed.push({ relative, yamlPath: ['chapters', index, 'chapters', inPart], place: { matter: 'body', defaultRole: 'chapter', part } });
    }
  }
  for (const [index, relative] of (config.appendices ?? []).entries()) {
    listed.push({ relative, yamlPath: ['appendices', index], place: { matter: 'back', defaultRole: 'appendix', appendix: appendixLetter(index) } });
  }
  for (const [index, relative] of (config.back ?? []).entries()) {
    listed.push({ relative, yamlPath: ['back', index], place: { matter: 'back', defaultRole: undefined } });
  }
  return listed;
}
