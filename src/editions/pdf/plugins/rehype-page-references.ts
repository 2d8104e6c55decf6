import type { Element, ElementContent, Root } from 'hast';
import { EXIT, SKIP, visit } from 'unist-util-visit';

export interface PageReferenceOptions {
  /** Where the page number goes in a reference, `%` for the number (`referenceWordsFor(…).onPage`). */
  template: string;
}

/**
 * In print, each cross-reference (`data-galley-xref`) is followed by the page of
 * what it names: "Figure 3 on page 42". The words and the number are text of the
 * print document (so the PDF's tags hold them, for readers that hear the page),
 * marked `data-galley-generated`: the number is set (`setPageNumbers`) in the
 * document of each layout, from the pages a first layout found, and the e-book's
 * page list counts the manuscript's text only.
 */
export function rehypePageReferences(options: PageReferenceOptions) {
  const [words = '', after = ''] = options.template.split('%');
  // The number stays on the line of the word before it.
  const before = words.replace(/ $/, '\u00a0');
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || node.properties.dataGalleyXref === undefined || typeof href !== 'string' || !parent || index === undefined) return;
      const number: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['page-ref-number'], dataGalleyPageRef: href.slice(1) },
        children: [],
      };
      const reference: ElementContent = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['page-ref'], dataGalleyGenerated: '' },
        children: [...(before ? [{ type: 'text' as const, value: before }] : []), number, ...(after ? [{ type: 'text' as const, value: after }] : [])],
      };
      parent.children.splice(index + 1, 0, reference);
      return [SKIP, index + 2];
    });
  };
}

/**
 * Put each referenced page number into a print document (`pages`: the page of each
 * id), or a placeholder of `placeholder` digits where it is not known yet.
 */
export function setPageNumbers(tree: Root, pages: ReadonlyMap<string, string> | undefined, placeholder: number): void {
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.dataGalleyPageRef;
    if (typeof id !== 'string') return;
    node.children = [{ type: 'text', value: pages?.get(id) ?? '0'.repeat(placeholder) }];
  });
}

/** Whether a print document refers to pages. */
export function hasPageReferences(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (node.properties.dataGalleyPageRef !== undefined) found = true;
    return found ? EXIT : undefined;
  });
  return found;
}
