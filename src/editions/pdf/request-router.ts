import { readFile } from 'node:fs/promises';
import { pagedPolyfill } from './paged-polyfill.js';
import path from 'node:path';

/** The virtual origin pages are served from. Nothing under it touches the network. */
export const ORIGIN = 'http://galley.localhost';
/** Where the layout document loads Paged.js from. */
export const POLYFILL_URL = `${ORIGIN}/_galley/paged.polyfill.js`;
const POLYFILL_PATH = new URL(POLYFILL_URL).pathname;
/** Where the layout document itself is served. */
export const DOCUMENT_URL = `${ORIGIN}/index.html`;
const DOCUMENT_PATH = new URL(DOCUMENT_URL).pathname;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** What the layout page gets for a request. */
export type Routed = { action: 'respond'; body: Uint8Array; contentType: string } | { action: 'continue' } | { action: 'refuse' };

/**
 * How the layout page's requests are answered: the document from memory, Paged.js
 * from the package, files inside `root` from disk; everything else is refused and
 * its URL recorded in `blocked`.
 */
export function requestRouter(options: { html: string; root: string }, blocked: string[]): (url: string) => Promise<Routed> {
  const root = path.resolve(options.root);
  return async (url) => {
    if (url.startsWith('data:')) return { action: 'continue' };
    let file: string | undefined;
    let body: string | Uint8Array | undefined;
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed && parsed.origin === ORIGIN) {
      const pathname = decodeURIComponent(parsed.pathname);
      if (pathname === DOCUMENT_PATH) body = options.html;
      else if (pathname === POLYFILL_PATH) body = await pagedPolyfill();
      else {
        const candidate = path.resolve(root, `.${pathname}`);
        if (candidate.startsWith(root + path.sep)) file = candidate;
      }
    }
    if (file !== undefined) body = await readFile(file).catch(() => undefined);
    if (body === undefined) {
      blocked.push(url);
      return { action: 'refuse' };
    }
    const ext = path.extname(parsed?.pathname ?? '').toLowerCase();
    return { action: 'respond', body: typeof body === 'string' ? Buffer.from(body) : body, contentType: contentTypes[ext] ?? 'application/octet-stream' };
  };
}
