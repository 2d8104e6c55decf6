import * as v from 'valibot';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { suggestion } from '../shared/did-you-mean.js';
import { fail } from '../shared/messages.js';
import type { RuleId } from '../shared/rules.js';
import { ruleOf } from './check-with.js';
import type { LocatedYaml, YamlPath } from './parse-yaml.js';

export interface ValidateContext {
  /** The file the data was read from: problems are reported on it. */
  file: VFile;
  yaml: LocatedYaml;
  /** Path of `data` inside the YAML document (e.g. `['infobox']`). */
  base?: YamlPath;
  /** What the data is, for messages: "book metadata", "infobox". */
  subject: string;
}

/**
 * Validate data against a schema. Every issue is reported on `ctx.file` as a
 * message located in the YAML; the output is `undefined` when there was any.
 */
export function validate<S extends v.GenericSchema>(schema: S, data: unknown, ctx: ValidateContext): v.InferOutput<S> | undefined {
  // Valibot lets a list through as an object with numeric keys: say what is wrong.
  if ('entries' in schema && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    fail(ctx.file, 'wrong-type', `Expected the ${ctx.subject} to be a mapping of fields, not ${describeValue(data)}`, ctx.yaml.locate(ctx.base ?? []));
    return undefined;
  }
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  for (const problem of dedupe(result.issues.flatMap((issue) => toProblems(schema, issue, ctx)))) fail(ctx.file, problem.ruleId, problem.reason, problem.place);
  return undefined;
}

type Issue = v.BaseIssue<unknown>;

/** A problem found, before it becomes a message. */
interface Problem {
  reason: string;
  ruleId: RuleId;
  place: Point;
}

function toProblems(schema: v.GenericSchema, issue: Issue, ctx: ValidateContext): Problem[] {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  const fullPath = [...(ctx.base ?? []), ...path];
  const name = fieldName(fullPath, ctx.subject);
  const at = (p: YamlPath, key = false) => ctx.yaml.locate(p, { key });
  const report = (reason: string, ruleId: RuleId, key = false): Problem[] => [{ reason, ruleId, place: at(fullPath, key) }];
  const lastItem = issue.path?.[issue.path.length - 1];

  if (issue.kind === 'schema' && lastItem && (lastItem as { origin?: string }).origin === 'key') {
    const key = String(lastItem.key);
    if (issue.expected === 'never') {
      const known = keysAt(schema, path.slice(0, -1));
      return report(`Unknown field \`${key}\` in ${parentName(fullPath, ctx.subject)}${suggestion(key, known)}`, 'unknown-field', true);
    }
    return [{ reason: `Missing required field \`${key}\` in ${parentName(fullPath, ctx.subject)}`, ruleId: 'missing-field', place: at(fullPath.slice(0, -1)) }];
  }
  if (issue.kind === 'validation') {
    return report(issue.message, ruleOf((issue as { requirement?: unknown }).requirement) ?? 'bad-value');
  }
  if (issue.type === 'union' && issue.issues) {
    // Report the branch that matches the kind of value written, if any; sub-issue
    // paths are relative to the union. A branch of the wrong kind says nothing.
    const specific = issue.issues
      .filter((sub) => !(sub.kind === 'schema' && (sub.path?.length ?? 0) === 0 && sub.type !== 'strict_object' && sub.type !== 'union'))
      .map((sub) => ({ ...sub, path: [...(issue.path ?? []), ...(sub.path ?? [])] }) as Issue);
    if (specific.length > 0) return specific.flatMap((sub) => toProblems(schema, sub, ctx));
  }
  if (issue.input === undefined) {
    return [{ reason: `Missing required field ${name}`, ruleId: 'missing-field', place: at(fullPath.slice(0, -1)) }];
  }
  const custom = issue.message.startsWith('Invalid type:') ? undefined : issue.message;
  return report(custom ?? `Expected ${name} to be ${describeExpected(issue.expected)}, not ${describeValue(issue.input)}`, 'wrong-type');
}

function fieldName(path: YamlPath, subject: string): string {
  if (path.length === 0) return `the ${subject}`;
  return `\`${path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[')}\``;
}

function parentName(path: YamlPath, subject: string): string {
  const parent = path.slice(0, -1);
  return parent.length === 0 ? `the ${subject}` : fieldName(parent, subject);
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Array: 'a list',
  Object: 'a mapping of fields',
};

function describeExpected(expected: string | null): string {
  if (!expected) return 'something else';
  return expected
    .replace(/^\(|\)$/g, '')
    .split(' | ')
    .map((part) => typeNames[part] ?? part)
    .join(' or ');
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${value.length > 40 ? `${value.slice(0, 37)}...` : value}\``;
  return `\`${String(value)}\``;
}

/** Field names the schema allows at `path` (through optional, pipe, union, array). */
export function keysAt(schema: v.GenericSchema, path: YamlPath): string[] {
  let current: unknown[] = [schema];
  for (const segment of path) {
    current = current.flatMap((s) => children(s, segment));
  }
  return [...new Set(current.flatMap((s) => unwrap(s).flatMap((u) => ('entries' in u ? Object.keys(u.entries as object) : []))))];
}

function unwrap(schema: unknown): Array<Record<string, unknown>> {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  if ('wrapped' in s) return unwrap(s.wrapped);
  if (Array.isArray(s.options)) return s.options.flatMap(unwrap);
  return [s];
}

function children(schema: unknown, segment: string | number): unknown[] {
  return unwrap(schema).flatMap((s) => {
    if (typeof segment === 'number' && 'item' in s) return [s.item];
    if (typeof segment === 'string' && 'entries' in s) {
      const entry = (s.entries as Record<string, unknown>)[segment];
      return entry ? [entry] : [];
    }
    return [];
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((m) => {
    const key = `${m.place.line}:${m.place.column}:${m.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
