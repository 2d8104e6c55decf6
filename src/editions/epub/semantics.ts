import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Add EPUB structural semantics and ARIA roles to a chapter tree (in place): the
 * chapter, footnote references, the notes section and its notes, back links.
 */
export function addEpubSemantics(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    const classes = Array.isArray(p.className) ? p.className.map(String) : [];
    if (node.tagName === 'section' && classes.includes('chapter')) {
      // A chapter, or what its front matter's `role` says it is; unnamed front and back matter is neither.
      const role = typeof p.dataRole === 'string' ? p.dataRole : p.dataMatter === undefined ? 'chapter' : undefined;
      if (role) {
        p['epub:type'] = role;
        p.role = `doc-${role}`;
      }
    } else if (node.tagName === 'section' && classes.includes('part')) {
      p['epub:type'] = 'part';
      p.role = 'doc-part';
    } else if (node.tagName === 'section' && p.dataFootnotes !== undefined) {
      p['epub:type'] = 'endnotes';
      p.role = 'doc-endnotes';
      visit(node, 'element', (item: Element) => {
        // (DPUB-ARIA 1.1 deprecates the role doc-endnote: the list is the notes.)
        if (item.tagName === 'li' && typeof item.properties.id === 'string') item.properties['epub:type'] = 'endnote';
      });
    } else if (node.tagName === 'a' && p.dataFootnoteRef !== undefined) {
      p['epub:type'] = 'noteref';
      p.role = 'doc-noteref';
    } else if (node.tagName === 'a' && p.dataFootnoteBackref !== undefined) {
      p.role = 'doc-backlink';
    } else if (node.tagName === 'aside' && classes.includes('infobox')) {
      p['epub:type'] = 'sidebar';
    }
  });
}
