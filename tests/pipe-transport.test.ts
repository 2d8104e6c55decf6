import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipeTransport } from '../src/editions/pdf/pipe-transport.js';

function transport() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const pipe = new PipeTransport(toBrowser, fromBrowser);
  const received: string[] = [];
  let closed = 0;
  pipe.onmessage = (message) => received.push(message);
  pipe.onclose = () => closed++;
  return { pipe, toBrowser, fromBrowser, received, closed: () => closed };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the DevTools pipe', () => {
  it('ends each message sent with a NUL byte', async () => {
    const { pipe, toBrowser } = transport();
    pipe.send('{"id":1}');
    pipe.send('{"id":2,"x":"ä"}');
    expect(Buffer.from(toBrowser.read() as Buffer).toString('utf8')).toBe('{"id":1}\0{"id":2,"x":"ä"}\0');
  });

  it('splits what it receives at NUL bytes, across and within chunks, in order', async () => {
    const { fromBrowser, received } = transport();
    const bytes = Buffer.from('{"a":"ä€"}\0{"b":2}\0{"c":3}\0', 'utf8');
    // Cut inside a multi-byte character, between messages and inside the second one.
    for (const [from, to] of [
      [0, 7],
      [7, 12],
      [12, 16],
      [16, bytes.length - 1],
      [bytes.length - 1, bytes.length],
    ] as const)
      fromBrowser.write(bytes.subarray(from, to));
    await flush();
    expect(received).toEqual(['{"a":"ä€"}', '{"b":2}', '{"c":3}']);
  });

  it('reports the end of the pipe once, and sends nothing after close', async () => {
    const { pipe, toBrowser, fromBrowser, closed } = transport();
    fromBrowser.destroy(new Error('EPIPE'));
    await flush();
    fromBrowser.emit('close');
    await flush();
    expect(closed()).toBe(1);
    pipe.close();
    pipe.send('{"id":3}');
    expect(toBrowser.read()).toBeNull();
  });
});
