import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';

/**
 * The DevTools protocol over the pipe Chromium opens with `--remote-debugging-pipe`
 * (its file descriptors 3, to read, and 4, to write): messages as JSON, each ended
 * by a NUL byte. Puppeteer connects through it to a browser Galley started itself.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;
  #ended = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.on('close', () => this.#end());
    // A broken pipe ends the connection (Puppeteer then rejects every call waiting on it).
    fromBrowser.on('error', () => this.#end());
    toBrowser.on('error', () => this.#end());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.toBrowser.write(`${message}\0`);
  }

  close(): void {
    this.#closed = true;
  }

  #receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.#pending.push(chunk);
      return;
    }
    let start = 0;
    while (end !== -1) {
      const head = this.#pending.length > 0 ? Buffer.concat([...this.#pending, chunk.subarray(start, end)]) : chunk.subarray(start, end);
      this.#pending = [];
      if (!this.#closed) this.onmessage?.(head.toString('utf8'));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#closed = true;
    this.onclose?.();
  }
}
