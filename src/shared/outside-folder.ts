import path from 'node:path';

/** Whether a path relative to a folder (as `path.relative` gives it) leaves the folder: `..`, `../x` or absolute; `..assets/x` stays inside. */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || relative.startsWith('../') || path.isAbsolute(relative);
}
