import { VFileMessage } from 'vfile-message';
import type { Point } from 'unist';

/** Rule ids of every message Galley emits. They never change once released. */
export type RuleId =
  | 'bad-date'
  | 'blocked-request'
  | 'broken-link'
  | 'browser'
  | 'bad-value'
  | 'duplicate-chapter'
  | 'duplicate-key'
  | 'empty-file'
  | 'invalid-utf8'
  | 'malformed-line'
  | 'malformed-yaml'
  | 'missing-chapter'
  | 'missing-alt'
  | 'missing-field'
  | 'missing-image'
  | 'not-an-image'
  | 'remote-image'
  | 'too-large'
  | 'unsafe-path'
  | 'nul-byte'
  | 'unknown-field'
  | 'unknown-infobox-type'
  | 'unsafe-html'
  | 'unterminated-title'
  | 'wrong-type'
  | 'not-found';

export interface MessageInit {
  /** The file the message is about, as the user named it. */
  file: string;
  reason: string;
  ruleId: RuleId;
  place?: Point | undefined;
  /** Errors stop the build; warnings do not. */
  fatal: boolean;
}

/** Make a located `VFileMessage` in Galley's style. */
export function message(init: MessageInit): VFileMessage {
  const msg = new VFileMessage(init.reason, {
    ruleId: init.ruleId,
    source: 'galley',
    ...(init.place ? { place: init.place } : {}),
  });
  msg.file = init.file;
  msg.fatal = init.fatal;
  return msg;
}

export const error = (init: Omit<MessageInit, 'fatal'>): VFileMessage => message({ ...init, fatal: true });
export const warning = (init: Omit<MessageInit, 'fatal'>): VFileMessage => message({ ...init, fatal: false });

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

/** Format as `file:line:column: severity: reason [rule-id]`. */
export function formatMessage(msg: VFileMessage, relativeTo?: (file: string) => string): string {
  const file = msg.file ? (relativeTo ? relativeTo(msg.file) : msg.file) : '<input>';
  const line = msg.line ?? 1;
  const column = msg.column ?? 1;
  const severity = msg.fatal ? 'error' : 'warning';
  const rule = msg.ruleId ? ` [${msg.ruleId}]` : '';
  return `${file}:${line}:${column}: ${severity}: ${msg.reason}${rule}`;
}

/** Throw a `GalleyError` when any message is fatal. */
export function throwIfFatal(messages: readonly VFileMessage[]): void {
  if (messages.some((m) => m.fatal)) throw new GalleyError(messages);
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
