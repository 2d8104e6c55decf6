import type { Element, ElementContent } from 'hast';
import type { YamlPath } from '../schema/parse-yaml.js';
import { h } from 'hastscript';
import { labelOf, type FieldDeclaration, type InfoboxDeclaration } from './declaration.js';
import type { RenderContext } from './infobox-type.js';
import { frame, row } from './render-helpers.js';
import { valueContent } from './render-value.js';

type Data = Readonly<Record<string, unknown>>;
type Fields = Readonly<Record<string, FieldDeclaration>>;

/**
 * An infobox of a declared type as a hast `aside` > `table`: the caption field as
 * the caption (with the subtitle), then the fields in declared order, each a row;
 * a group as a heading row and its fields' rows, or — shown as columns — one
 * column per item in a body of its own (the sides of a conflict), the other rows
 * spanning all columns.
 */
export function renderInfobox(declaration: InfoboxDeclaration, data: Data, ctx: RenderContext): Element {
  const columnsKey = Object.keys(declaration.fields).find((key) => declaration.fields[key]!.show === 'columns');
  const items = columnsKey && Array.isArray(data[columnsKey]) ? (data[columnsKey] as Data[]) : [];
  const span = Math.max(1, items.length);
  const bodies: Element[] = [];
  let rows: Element[] = [];
  const flush = () => {
    if (rows.length > 0) bodies.push(h('tbody', rows));
    rows = [];
  };
  for (const [key, field] of Object.entries(declaration.fields)) {
    if (key === declaration.caption || key === declaration.subtitle || field.joins !== undefined) continue;
    if (field.type !== 'group') {
      rows.push(...fieldRows(declaration.fields, key, data, span, ctx, []));
      continue;
    }
    const fields = field.fields ?? {};
    if (data[key] === undefined) continue;
    if (key === columnsKey) {
      flush();
      bodies.push(h('tbody', { className: ['infobox-columns'] }, columnRows(fields, items, ctx)));
      continue;
    }
    const values = field.repeat ? (data[key] as Data[]) : [data[key] as Data];
    rows.push(h('tr', { className: ['infobox-group'] }, [h('th', { scope: 'colgroup', colSpan: span + 1 }, labelOf(key, field))]));
    values.forEach((value, index) => {
      const path = field.repeat ? [key, index] : [key];
      for (const sub of Object.keys(fields)) rows.push(...fieldRows(fields, sub, value, span, ctx, path));
    });
  }
  flush();
  const caption: ElementContent[] = [h('span', { className: ['infobox-title'] }, String(data[declaration.caption]))];
  const subtitle = declaration.subtitle === undefined ? undefined : data[declaration.subtitle];
  if (typeof subtitle === 'string') {
    const prefix = declaration.subtitle_prefix === undefined ? '' : `${declaration.subtitle_prefix} `;
    caption.push(h('span', { className: ['infobox-subtitle'] }, `${prefix}${subtitle}`));
  }
  return frame({ id: ctx.id, type: declaration.name, caption, bodies });
}

/** The content of a plain field and of the fields that join its row. */
function joinedContent(fields: Fields, key: string, data: Data, ctx: RenderContext): ElementContent[] {
  const parts: ElementContent[][] = [];
  for (const [name, field] of Object.entries(fields)) {
    if ((name !== key && field.joins !== key) || data[name] === undefined) continue;
    parts.push(valueContent(field.type as Parameters<typeof valueContent>[0], data[name], ctx.language));
  }
  return parts.flatMap((part, index) => (index === 0 ? part : [{ type: 'text' as const, value: ', ' }, ...part]));
}

/** The row of one plain field (with the fields joining it, the path in the infobox of what holds it), or none when nothing of it is given. */
function fieldRows(fields: Fields, key: string, data: Data, span: number, ctx: RenderContext, path: YamlPath): Element[] {
  const field = fields[key]!;
  if (field.joins !== undefined) return [];
  if (field.type === 'image') {
    const value = data[key] as { src: string; alt: string; caption?: string } | undefined;
    if (!value) return [];
    const img = h('img', { src: value.src, alt: value.alt });
    const place = ctx.locate?.([...path, key, 'src']);
    if (place) img.position = { start: place, end: place };
    const content: ElementContent[] = [img];
    if (value.caption) content.push(h('span', { className: ['infobox-image-caption'] }, value.caption));
    return [h('tr', [h('td', { className: ['infobox-image'], colSpan: span + 1 }, content)])];
  }
  const content = joinedContent(fields, key, data, ctx);
  return content.length === 0 ? [] : [row(labelOf(key, field), content, span)];
}

/** One row per field of a group shown as columns: the label, then one cell per item. */
function columnRows(fields: Fields, items: readonly Data[], ctx: RenderContext): Element[] {
  const rows: Element[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (field.joins !== undefined || field.type === 'image') continue;
    const cells = items.map((item) => joinedContent(fields, key, item, ctx));
    if (cells.every((cell) => cell.length === 0)) continue;
    rows.push(h('tr', [h('th', { scope: 'row' }, labelOf(key, field)), ...cells.map((cell) => h('td', cell))]));
  }
  return rows;
}
