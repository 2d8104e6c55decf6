import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** What the package document states about the book's accessibility. */
export interface AccessibilityMetadata {
  modes: string[];
  features: string[];
  summary: string;
}

/** The accessibility metadata, stated from what the chapters contain. */
export function accessibilityMetadata(trees: readonly Root[], options: { pageList: boolean }): AccessibilityMetadata {
  let hasImages = false;
  let allDescribed = true;
  for (const tree of trees) {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      hasImages = true;
      if (typeof node.properties.alt !== 'string' || node.properties.alt.trim() === '') allDescribed = false;
    });
  }
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(options.pageList ? ['printPageNumbers', 'pageNavigation'] : []),
    ...(hasImages && allDescribed ? ['alternativeText'] : []),
  ];
  const summary = [
    'A reflowable text publication with a navigable table of contents, headings in a logical hierarchy and a reading order that follows the print edition.',
    'Data tables have header cells and captions.',
    options.pageList ? 'Page numbers of the print edition are marked and listed.' : '',
    hasImages
      ? allDescribed
        ? 'Images have text alternatives.'
        : 'Some images have no text alternative.'
      : 'The cover is the only image and carries no information beyond the title and author.',
    'No flashing, sound or motion hazards.',
  ]
    .filter(Boolean)
    .join(' ');
  return { modes: hasImages ? ['textual', 'visual'] : ['textual'], features, summary };
}
