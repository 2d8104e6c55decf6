import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * What raw HTML in a manuscript may contain: GitHub's allowlist, plus classes,
 * figures and a few inline elements authors use. No scripts, styles, handlers,
 * frames or script URLs ever pass. Ids are kept as written (Galley allocates its
 * own ids around them), so no clobber prefix.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'abbr', 'cite', 'mark', 'small', 'time', 'caption', 'bdi', 'bdo', 'dfn', 'u', 'wbr'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    // GitHub's schema lets an h2 have only `sr-only` (its footnotes' heading): an author's `## Title {.x}` lost its class.
    h2: ['className'],
    // Marks of Galley's own Markdown syntax: cross-references and table captions.
    a: [...(defaultSchema.attributes?.a ?? []), 'dataGalleyXref'],
    p: ['dataGalleyCaption'],
  },
  clobber: [],
  strip: ['script', 'style', 'template'],
};
