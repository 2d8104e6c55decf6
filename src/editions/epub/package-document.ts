import type { Root } from 'xast';
import { x } from 'xastscript';
import type { BookConfig } from '../../model/book.js';
import { generator } from '../../shared/package-files.js';
import type { AccessibilityMetadata } from './accessibility.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string | undefined;
  /** In the reading order (the spine), in the order of the items. */
  spine?: boolean | undefined;
}

export interface PackageOptions {
  config: BookConfig;
  /** `dcterms:modified`, already formatted (`CCYY-MM-DDThh:mm:ssZ`). */
  modified: string;
  items: readonly ManifestItem[];
  accessibility: AccessibilityMetadata;
  /** Whether the book maps the print edition's pages. */
  pageList: boolean;
}

/** The EPUB 3 package document (OPF), built as xast. */
export function packageDocument(options: PackageOptions): Root {
  const { config } = options;
  const meta = (property: string, value: string, extra: Record<string, string> = {}) => x('meta', { property, ...extra }, value);
  const metadata = [
    x('dc:identifier', { id: 'pub-id' }, config.identifier),
    x('dc:title', { id: 'title' }, config.title),
    meta('title-type', 'main', { refines: '#title' }),
    ...(config.subtitle ? [x('dc:title', { id: 'subtitle' }, config.subtitle), meta('title-type', 'subtitle', { refines: '#subtitle' })] : []),
    x('dc:language', config.language),
    ...config.creator.flatMap((name, i) => [
      x('dc:creator', { id: `creator-${i + 1}` }, name),
      meta('role', 'aut', { refines: `#creator-${i + 1}`, scheme: 'marc:relators' }),
      meta('display-seq', String(i + 1), { refines: `#creator-${i + 1}` }),
    ]),
    ...(config.publisher ? [x('dc:publisher', config.publisher)] : []),
    ...(config.date ? [x('dc:date', config.date)] : []),
    ...(config.rights ? [x('dc:rights', config.rights)] : []),
    ...(config.description ? [x('dc:description', config.description)] : []),
    ...(config.subjects ?? []).map((subject) => x('dc:subject', subject)),
    ...(options.pageList ? [x('dc:source', { id: 'print-source' }, config.identifier), meta('source-of', 'pagination', { refines: '#print-source' })] : []),
    meta('dcterms:modified', options.modified),
    ...options.accessibility.modes.map((mode) => meta('schema:accessMode', mode)),
    ...options.accessibility.sufficient.map((modes) => meta('schema:accessModeSufficient', modes)),
    ...options.accessibility.features.map((feature) => meta('schema:accessibilityFeature', feature)),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', options.accessibility.summary),
    ...(options.accessibility.conformsTo ? [meta('dcterms:conformsTo', options.accessibility.conformsTo)] : []),
    ...(options.items.some((item) => item.properties?.includes('cover-image'))
      ? [x('meta', { name: 'cover', content: options.items.find((i) => i.properties?.includes('cover-image'))!.id })]
      : []),
    x('meta', { name: 'generator', content: generator }),
  ];
  const manifest = options.items.map((item) => x('item', { id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties }));
  const spine = options.items.filter((item) => item.spine).map((item) => x('itemref', { idref: item.id }));
  return x(null, [
    x(
      'package',
      {
        xmlns: 'http://www.idpf.org/2007/opf',
        version: '3.0',
        'unique-identifier': 'pub-id',
        'xml:lang': config.language,
        prefix: 'schema: http://schema.org/',
      },
      [x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, metadata), x('manifest', manifest), x('spine', spine)],
    ),
  ]);
}

/** `META-INF/container.xml`, pointing at the package document. */
export function containerDocument(packagePath: string): Root {
  return x(null, [
    x('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
      x('rootfiles', [x('rootfile', { 'full-path': packagePath, 'media-type': 'application/oebps-package+xml' })]),
    ]),
  ]);
}
