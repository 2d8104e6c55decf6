import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { findBrowser } from '../src/index.js';

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

/** A violation Ace by DAISY reports. */
export interface AceViolation {
  file: string;
  rule: string;
  impact: string;
  message: string;
}

/**
 * Check an EPUB with Ace by DAISY (the accessibility checker of the DAISY
 * Consortium), in Galley's browser. Throws when a content document could not be
 * parsed (Ace would then check Chromium's error page and pass it).
 */
export async function ace(epub: string): Promise<AceViolation[]> {
  process.env.PUPPETEER_EXECUTABLE_PATH ??= findBrowser();
  process.env.ACE_TIMEOUT_INITIAL ??= '30000';
  const require = createRequire(import.meta.url);
  const run = require('@daisy/ace-core') as (epub: string, options: object, runner: unknown) => Promise<[unknown, AceReport]>;
  const runner = require('@daisy/ace-axe-runner-puppeteer') as unknown;
  // Ace logs through winston: keep it quiet.
  const winston = createRequire(require.resolve('@daisy/ace-core'))('winston') as {
    default: { transports: unknown[] };
    add(t: unknown): void;
    transports: { Console: new (o: object) => unknown };
  };
  if (winston.default.transports.length === 0) winston.add(new winston.transports.Console({ silent: true }));
  const outdir = await mkdtemp(path.join(tmpdir(), 'galley-ace-'));
  try {
    const [, report] = await run(
      path.resolve(epub),
      { cwd: process.cwd(), outdir, tmpdir: path.join(outdir, 'tmp'), lang: 'en', silent: true, jobId: '' },
      runner,
    );
    if (JSON.stringify(report.outlines ?? {}).includes('This page contains the following errors'))
      throw new Error(`${epub}: a content document is not well-formed XML`);
    return (report.assertions ?? []).flatMap((doc) =>
      (doc.assertions ?? []).map((a) => ({
        file: doc['earl:testSubject']?.url ?? '',
        rule: a['earl:test']['dct:title'],
        impact: a['earl:test']['earl:impact'],
        message: a['earl:result']['dct:description'].split('\n')[0] ?? '',
      })),
    );
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

interface AceReport {
  outlines?: unknown;
  assertions?: Array<{
    'earl:testSubject'?: { url?: string };
    assertions?: Array<{ 'earl:test': { 'dct:title': string; 'earl:impact': string }; 'earl:result': { 'dct:description': string } }>;
  }>;
}
