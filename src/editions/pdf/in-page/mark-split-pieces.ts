/**
 * Runs inside the layout page (`page.evaluate`) after `layOutPages`, so it must
 * be self-contained: no imports at run time, nothing from the enclosing module.
 */

/**
 * Mark the pieces of every block Paged.js split across pages (a paragraph, a
 * list, a section: one element per page, sharing `data-ref`) so that the PDF's
 * post-processing can join their structure elements again. Chromium passes
 * nothing of an element to its tag but its language, so the mark is a private-use
 * subtag of the language it already has (`en` → `en-x-gsplit-<part>-<n>`): the
 * same language for layout, fonts and `:lang()`, and taken out again after
 * printing. Only blocks of text, and the inline elements Chromium tags (a link
 * that runs on to the next page is one `Link`, with both its annotations), are
 * joined: a section split over pages stays a
 * piece per page (joined, it would take each page's notes far from their page),
 * and tables are joined by their own rules.
 *
 * A note at the foot of a page (`.galley-footnote`, which Chromium tags as a
 * grouping without meaning, whatever its role) is marked too, as a note
 * (`-gnote-`): it becomes a `Note` with an id, its pieces on two pages one note.
 * So is a note printed at its chapter's end (an item of the notes' list): what
 * the item holds becomes a `Note`.
 */
export function markSplitPieces(): void {
  const TEXT_BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre']);
  /** Inline elements Chromium tags (a link, code, emphasis; `<time>`: words in another language, rehype-language-spans.ts). */
  const TAGGED_INLINE = new Set(['a', 'code', 'em', 'strong', 'time']);
  const part = String((window as unknown as { __galleyIdPrefix?: string }).__galleyIdPrefix ?? '')
    .replace(/[^0-9a-z]/gi, '')
    .slice(-7);
  const numbers = new Map<string, number>();
  const mark = (element: HTMLElement, kind: 'gsplit' | 'gnote', key: string) => {
    // (The language without the mark an enclosing piece got already.)
    const inherited = element.closest('[lang]')?.getAttribute('lang') ?? '';
    let base = inherited.replace(/-g(split|note)-[0-9a-z]{1,8}-[0-9a-z]{1,8}$/i, '');
    // (A role mark, a definition list's or a footer row's, stays on its own element only: rehype-structure-marks.ts.)
    if (!element.hasAttribute('lang')) base = base.replace(/-g(dl|dt|dd|foot|rtl|ltr)$/i, '');
    base = base.replace(/-x$/i, '');
    if (!/^[a-z]{2,8}(-[0-9a-z]{1,8})*$/i.test(base)) return;
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(key, number);
    }
    element.setAttribute('lang', `${base}${/-x-/i.test(base) ? '' : '-x'}-${kind}-${part || '0'}-${number.toString(36)}`);
  };
  for (const element of document.querySelectorAll<HTMLElement>('.pagedjs_page [data-split-to], .pagedjs_page [data-split-from]')) {
    const ref = element.getAttribute('data-ref');
    // Blocks of text only: a section's pieces stay apart, so that each page's notes stay read after its text.
    if (!ref || !(TEXT_BLOCKS.has(element.localName) || TAGGED_INLINE.has(element.localName)) || element.closest('table')) continue;
    mark(element, 'gsplit', ref);
  }
  let notes = 0;
  // Notes at the foot of a page, and the notes a chapter prints at its end (items of its notes' list).
  for (const note of document.querySelectorAll<HTMLElement>('.pagedjs_page .galley-footnote, .pagedjs_page [data-footnotes] > ol > li')) {
    // The pieces of a note Paged.js carried on to the next page share its `data-ref`.
    mark(note, 'gnote', `note ${note.getAttribute('data-ref') ?? `#${notes++}`}`);
  }
}
