import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { RuleId } from './rules.js';

export type { RuleId } from './rules.js';

/** Where in a file a message points; a file-level message points at its start. */
export type Place = Point | Position;

const START: Point = { line: 1, column: 1 };

/**
 * Report a problem on the file it is about, as vfile does: the message lands on
 * `file.messages`. Errors stop the build once the stage is done; warnings do not.
 */
export function report(file: VFile, severity: 'error' | 'warning' | 'note', ruleId: RuleId, reason: string, place: Place | undefined = START): VFileMessage {
  const msg = file.message(reason, { place, ruleId, source: 'galley' });
  // (vfile's own: `true` an error, `false` a warning, `undefined` information.)
  msg.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return msg;
}

/** Report an error (the build stops after the current stage). */
export const fail = (file: VFile, ruleId: RuleId, reason: string, place?: Place): VFileMessage => report(file, 'error', ruleId, reason, place);

/** Report a warning. */
export const warn = (file: VFile, ruleId: RuleId, reason: string, place?: Place): VFileMessage => report(file, 'warning', ruleId, reason, place);

/** The messages of files, file by file in the order given, each file's in the order of their places. */
export function messagesOf(files: readonly VFile[]): VFileMessage[] {
  return files.flatMap((file) => [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/** Thrown by the library when input is bad; carries every problem found. */
export class GalleyError extends Error {
  readonly messages: readonly VFileMessage[];
  constructor(messages: readonly VFileMessage[]) {
    const first = messages.find((m) => m.fatal) ?? messages[0];
    super(first ? formatMessage(first) : 'Galley failed');
    this.name = 'GalleyError';
    this.messages = messages;
  }
}

/** Throw a `GalleyError` carrying every message of the files when any of them is an error. */
export function throwIfFatal(files: readonly VFile[]): void {
  const messages = messagesOf(files);
  if (messages.some((m) => m.fatal)) throw new GalleyError(messages);
}

/** Strict mode: every warning of the files becomes an error, and a `GalleyError` is thrown if there is any. */
export function throwIfAnyMessage(files: readonly VFile[]): void {
  const messages = messagesOf(files);
  // (Notes say what Galley did, not what is wrong: they stay notes, and do not fail the build.)
  const problems = messages.filter((message) => message.fatal !== undefined);
  if (problems.length === 0) return;
  for (const message of problems) message.fatal = true;
  throw new GalleyError(messages);
}

/**
 * `value` when a stage could make it; otherwise (or when the files carry an error)
 * a `GalleyError` with the files' messages, which say why.
 */
export function orThrow<T>(value: T | undefined, files: readonly VFile[]): T {
  throwIfFatal(files);
  if (value === undefined) throw new GalleyError(messagesOf(files));
  return value;
}

/** Format as `file:line:column: severity: reason [rule-id]`. */
export function formatMessage(msg: VFileMessage, relativeTo?: (file: string) => string): string {
  const file = msg.file ? (relativeTo ? relativeTo(msg.file) : msg.file) : '<input>';
  const line = msg.line ?? 1;
  const column = msg.column ?? 1;
  const severity = msg.fatal ? 'error' : msg.fatal === false ? 'warning' : 'note';
  const rule = msg.ruleId ? ` [${msg.ruleId}]` : '';
  return `${file}:${line}:${column}: ${severity}: ${msg.reason}${rule}`;
}

/**
 * A build that could not complete for a reason outside the manuscript: no browser,
 * the browser crashed, layout timed out, the build was interrupted. The message
 * says what happened and what to do; no stack trace is needed.
 */
export class BuildFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BuildFailure';
  }
}

/** A readable reason for anything thrown, including the bare events of browser transports. */
export function describeError(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  const event = cause as { type?: unknown; message?: unknown } | null;
  if (typeof event?.message === 'string' && event.message) return event.message;
  if (typeof event?.type === 'string') return `${event.type} event from the browser connection`;
  return String(cause);
}
