import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { fail } from '../shared/messages.js';

export type YamlPath = readonly (string | number)[];

/** YAML data with a way back from a path in the data to its place in the file. */
export interface LocatedYaml {
  data: unknown;
  /** Where the value at `path` (or, with `key`, its key) was written. */
  locate(path: YamlPath, options?: { key?: boolean }): Point;
}

/**
 * Parse YAML (a file, or front matter that starts on line `firstLine`) keeping
 * positions. Syntax errors and duplicate keys are reported on `file` with their
 * place, and `undefined` is returned.
 */
export function parseYaml(file: VFile, text: string, firstLine = 1): LocatedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Point => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col, offset };
  };
  if (doc.errors.length > 0) {
    // After the first syntax error the parser's later complaints are mostly echoes
    // of it: report that one, and every duplicate key.
    const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    for (const e of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntax)) {
      if (e.code === 'DUPLICATE_KEY') fail(file, 'duplicate-key', `Unexpected duplicate key; ${firstSentence(e.message)}`, at(e.pos[0]));
      else fail(file, 'malformed-yaml', `Malformed YAML: ${firstSentence(e.message)}`, at(e.pos[0]));
    }
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    // Aliases that expand beyond reason (a "billion laughs"): refused where the document starts.
    const first = doc.contents?.range?.[0] ?? 0;
    fail(file, 'malformed-yaml', `Malformed YAML: ${firstSentence(cause instanceof Error ? cause.message : String(cause))}`, at(first));
    return undefined;
  }
  return {
    data,
    locate: (path, options) => at(offsetOf(doc, path, options?.key === true)),
  };
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function offsetOf(doc: Document, path: YamlPath, key: boolean): number {
  // Walk down as far as the path exists; point at the deepest node found.
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) return offset;
      if (last && key) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isNode(node) && 'items' in node && Array.isArray(node.items) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
      if (node === undefined) return offset;
    } else return offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}
