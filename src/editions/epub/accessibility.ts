import type { Root } from 'hast';
import { accessibilityGaps } from '../../shared/accessibility.js';

/** What the package document states about the book's accessibility. */
export interface AccessibilityMetadata {
  /** The ways the content is perceived (`textual`, `visual`). */
  modes: string[];
  /** Sets of modes that are enough to read the whole book (`textual`, `textual,visual`). */
  sufficient: string[];
  features: string[];
  summary: string;
  /** The EPUB Accessibility conformance claimed, only when the content meets it. */
  conformsTo: string | undefined;
}

/**
 * The accessibility metadata, every claim derived from what the chapters contain:
 * alternative text only when every image has a description, header cells only
 * when there are tables and all have them, a WCAG 2.1 AA conformance claim only
 * when there is no gap Galley can find (images, tables, heading levels).
 */
export function accessibilityMetadata(trees: readonly Root[], options: { pageList: boolean }): AccessibilityMetadata {
  let level = 0;
  const gaps = trees.map((tree) => {
    const found = accessibilityGaps(tree, level);
    level = found.lastLevel;
    return found;
  });
  const count = (pick: (g: (typeof gaps)[number]) => unknown[]) => gaps.reduce((n, g) => n + pick(g).length, 0);
  const images = count((g) => g.images);
  const undescribed = count((g) => g.undescribedImages);
  const tables = count((g) => g.tables);
  const headerless = count((g) => g.tablesWithoutHeaders);
  const skipped = count((g) => g.skippedHeadings);
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(options.pageList ? ['printPageNumbers', 'pageBreakMarkers', 'pageNavigation'] : []),
    ...(images > 0 && undescribed === 0 ? ['alternativeText'] : []),
  ];
  const summary = [
    'A reflowable text publication with a navigable table of contents and a reading order that follows the print edition.',
    skipped === 0 ? 'Headings follow a logical hierarchy.' : 'Some headings skip a level.',
    tables === 0 ? '' : headerless === 0 ? 'Data tables have header cells.' : `${headerless} of ${tables} tables have no header cells.`,
    options.pageList ? 'Page numbers of the print edition are marked and listed.' : '',
    images === 0
      ? 'The cover is the only image and carries no information beyond the title and author.'
      : undescribed === 0
        ? 'Images have text descriptions.'
        : `${undescribed} of ${images} images have no text description.`,
    'No flashing, sound or motion hazards.',
  ]
    .filter(Boolean)
    .join(' ');
  const met = undescribed === 0 && headerless === 0 && skipped === 0;
  return {
    modes: images > 0 ? ['textual', 'visual'] : ['textual'],
    sufficient: images === 0 || undescribed === 0 ? ['textual'] : ['textual,visual'],
    features,
    summary: met ? `${summary} Meets WCAG 2.1 Level AA as far as the content goes.` : summary,
    conformsTo: met ? 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA' : undefined,
  };
}
