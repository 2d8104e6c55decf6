import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Store without compression (the EPUB `mimetype` must be). */
  store?: boolean;
}

/** Formats that are compressed already: deflating them again costs time and adds bytes. */
const compressed = /\.(?:woff2?|jpe?g|gif|webp|avif)$/i;

/**
 * A deterministic zip: entries in the given order, every entry dated `date`, no
 * extra fields; compressed formats (fonts, JPEG, …) stored as they are. fflate writes DOS times from local-time fields, so the date is
 * built from the UTC fields of `date` to give the same bytes in every time zone.
 */
export function zip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const floor = Date.UTC(1980, 0, 1);
  const utc = new Date(Math.max(date.getTime(), floor));
  const local = new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
  const files: Zippable = {};
  for (const entry of entries) files[entry.path] = [entry.data, { level: entry.store || compressed.test(entry.path) ? 0 : 9, mtime: local }];
  return zipSync(files);
}
