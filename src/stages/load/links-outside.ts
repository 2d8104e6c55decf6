import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isOutside } from '../../shared/outside-folder.js';

/** Whether `file`, its symbolic links followed, is outside `root` (a missing file is not). */
export async function linksOutside(root: string, file: string): Promise<boolean> {
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return false;
  const relative = path.relative(await realpath(root), real);
  return isOutside(relative);
}
