import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import * as v from 'valibot';
import { labelFromKey } from './declaration.js';
import type { FromWikiResult, InfoboxType, RenderContext, WikiEntry } from './infobox-type.js';
import { frame, listContent, row } from './render-helpers.js';
import { stripWikiMarkup } from './wiki-values.js';

/** The fields that can caption a box of an undeclared type, in order of preference. */
const captionKeys = ['name', 'title', 'conflict', 'event', 'office'];

const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

/** Any YAML value as cell content: text, a list, or labelled items for a mapping. */
function content(value: unknown, depth: number): ElementContent[] {
  if (isScalar(value)) return String(value).trim() === '' ? [] : [{ type: 'text', value: String(value) }];
  if (Array.isArray(value)) {
    const items = value.filter((item) => content(item, depth + 1).length > 0);
    if (items.length === 0) return [];
    if (items.every(isScalar)) return listContent(items.map(String));
    return [
      h(
        'ul',
        items.map((item) => h('li', content(item, depth + 1))),
      ),
    ];
  }
  if (value && typeof value === 'object' && depth < 4) {
    const entries = Object.entries(value).filter(([, item]) => content(item, depth + 1).length > 0);
    if (entries.length === 0) return [];
    return [
      h(
        'ul',
        entries.map(([key, item]) => h('li', [h('span', { className: ['label'] }, `${labelFromKey(key)}: `), ...content(item, depth + 1)])),
      ),
    ];
  }
  return [];
}

/**
 * The box of an infobox whose type neither the manuscript nor Galley declares:
 * its fields as rows in the order written, labels from the keys (`Term_start` →
 * "Term start"), the `name` or `title` as the caption. It never fails: the build
 * warns once, where the type is named.
 */
export function genericType(name: string): InfoboxType {
  return {
    name,
    declaration: undefined,
    file: undefined,
    schema: v.looseObject({ type: v.literal(name) }),
    wikiKeys: [],
    render(data: unknown, ctx: RenderContext): Element {
      // Empty values (null, "", [], {}) have nothing to show: no row.
      const fields = Object.entries(data as Record<string, unknown>).filter(([key, value]) => key !== 'type' && content(value, 0).length > 0);
      const captionKey = captionKeys.find((key) => fields.some(([k, value]) => k === key && isScalar(value)));
      const rows = fields
        .filter(([key]) => key !== captionKey)
        .flatMap(([key, value]) => {
          const cell = content(value, 0);
          return cell.length === 0 ? [] : [row(labelFromKey(key), cell)];
        });
      const title = captionKey ? String((data as Record<string, unknown>)[captionKey]) : labelFromKey(name);
      return frame({ id: ctx.id, type: name, caption: [h('span', { className: ['infobox-title'] }, title)], bodies: [h('tbody', rows)] });
    },
    fromWiki(entries: readonly WikiEntry[]): FromWikiResult {
      const data: Record<string, unknown> = { type: name };
      const lines: Record<string, number> = {};
      for (const entry of entries) {
        const key =
          entry.key
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '_')
            .replace(/^_+|_+$/g, '') || 'field';
        data[key] = stripWikiMarkup(entry.value);
        lines[key] = entry.line;
      }
      return { data, rejected: [], lines };
    },
  };
}
