import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

const exec = promisify(execFile);

export const EPUBCHECK = '/usr/share/java/epubcheck.jar';

/** Run epubcheck; resolves with its report (it exits non-zero on errors, which is returned, not thrown). */
export async function epubcheck(file: string): Promise<{ ok: boolean; report: string }> {
  try {
    const { stdout, stderr } = await exec('java', ['-jar', EPUBCHECK, '--quiet', file], { maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, report: stdout + stderr };
  } catch (cause) {
    const e = cause as { stdout?: string; stderr?: string; message: string };
    return { ok: false, report: (e.stdout ?? '') + (e.stderr ?? '') || e.message };
  }
}

/** The entries of a zip, in order, as text where they are text. */
export async function readEpub(file: string): Promise<{ bytes: Buffer; names: string[]; text: (name: string) => string }> {
  const bytes = await readFile(file);
  const entries = unzipSync(bytes);
  const names = Object.keys(entries);
  return { bytes, names, text: (name) => new TextDecoder().decode(entries[name]) };
}

/** Header of the first local file entry: name, compression method, extra field length, data. */
export function firstEntry(bytes: Buffer): { name: string; method: number; extraLength: number; data: string } {
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip local file header');
  const method = bytes.readUInt16LE(8);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const compressedSize = bytes.readUInt32LE(18);
  const name = bytes.subarray(30, 30 + nameLength).toString('latin1');
  const start = 30 + nameLength + extraLength;
  return { name, method, extraLength, data: bytes.subarray(start, start + compressedSize).toString('latin1') };
}
