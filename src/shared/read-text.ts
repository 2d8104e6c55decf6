import { readFile, stat } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { fail } from './messages.js';
import { pointAtOffset } from './offset.js';

/** The largest text file Galley reads (a chapter, `book.yaml`, an article). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Read a manuscript text file (`file.path`) strictly: UTF-8 only (a BOM is dropped),
 * CRLF and CR line ends are normalised to LF, and empty files, NUL bytes and invalid
 * UTF-8 are reported on `file` with their place. Returns the text (also stored as
 * `file.value`), or `undefined` when it cannot be used.
 */
export async function readText(file: VFile): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    const size = (await stat(file.path)).size;
    if (size > MAX_TEXT_BYTES) {
      fail(
        file,
        'too-large',
        `File too large: ${(size / 1024 / 1024).toFixed(1)} MiB, the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MiB per file; split it into chapters`,
      );
      return undefined;
    }
    bytes = await readFile(file.path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'Cannot find this file' : code === 'EISDIR' ? 'Expected a file, found a folder' : `Cannot read this file (${code ?? String(cause)})`;
    fail(file, 'not-found', reason);
    return undefined;
  }
  return decodeText(file, bytes);
}

/** Decode bytes as a manuscript text (see `readText`). */
export function decodeText(file: VFile, bytes: Uint8Array): string | undefined {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  const bad = firstInvalidUtf8(body);
  if (bad !== -1) {
    const prefix = new TextDecoder().decode(body.subarray(0, bad));
    fail(
      file,
      'invalid-utf8',
      `Expected UTF-8 text, found the invalid byte 0x${body[bad]!.toString(16).padStart(2, '0')} at byte offset ${bad + start}; save the file as UTF-8`,
      pointAtOffset(prefix, prefix.length),
    );
    return undefined;
  }
  const text = new TextDecoder().decode(body).replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    fail(file, 'nul-byte', 'Unexpected NUL byte; this looks like a binary file, expected UTF-8 text', pointAtOffset(text, nul));
    return undefined;
  }
  if (text.trim() === '') {
    fail(file, 'empty-file', 'Unexpected empty file, expected content');
    return undefined;
  }
  file.value = text;
  return text;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
