import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Prefix of the temporary files Galley writes beside its outputs. */
export const TEMP_PREFIX = '.galley-tmp-';

/**
 * Write `data` to `file` atomically: to a temporary file in the same folder first,
 * then renamed into place. A failure leaves the previous file untouched and no
 * temporary file behind.
 */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${TEMP_PREFIX}${path.basename(file)}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true });
    throw cause;
  }
}
