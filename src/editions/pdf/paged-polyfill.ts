import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Paged.js polyfill shipped in the `pagedjs` package (minified: quicker to parse). */
export const polyfillFile = (): string => path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.min.js');

/**
 * Galley's patches of Paged.js.
 *
 * Where a page breaks inside a text node that an earlier page broke too, Paged.js
 * finds how far into the node the page's piece starts by searching the node's
 * text for the piece's (`indexOf`). In text that repeats ("Tick tock. Tick
 * tock. …") it found an earlier place, and the next page repeated text. The
 * piece is always the rest of the node, so its last occurrence is the one.
 * (Each patch below says what it fixes.)
 *
 * Paged.js names what it makes (a page footnote's id, which becomes a named
 * destination in the PDF; generated classes and variables) with random UUIDs, so
 * no two builds of a book with notes were the same bytes. The names are counted
 * instead, after a prefix of the layout part's (`window.__galleyIdPrefix`, set by
 * paginate.ts): unique in the book, the same in every build.
 */
const patches: Array<{ find: RegExp; replace: string; why: string; count?: number }> = [
  {
    // Each pattern starts with a literal, which the regular expression engine finds quickly.
    find: /\+=([\w$]+)\.textContent\.indexOf\(([\w$]+)\.textContent\)/g,
    replace: '+=$1.textContent.lastIndexOf($2.textContent)',
    why: 'the offset of a page break in repeating text',
  },
  {
    // A layout part that goes on with a chapter may start on a left-hand page
    // (`window.__galleyStartLeft`, set by paginate.ts); Paged.js counts sides from a right-hand one:
    // `index % 2 != 1` becomes `index % 2 != 0` for such a part.
    find: /%2!=1\?\(([\w$]+)\.classList\.remove\("pagedjs_left_page"\)/g,
    replace: '%2!=(window.__galleyStartLeft?0:1)?($1.classList.remove("pagedjs_left_page")',
    why: 'the side of the first page',
  },
  {
    find: /function ([\w$]+)\(\)\{var [\w$]+=\(new Date\)\.getTime\(\);[\s\S]*?"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"[\s\S]*?toString\(16\)\}\)\)\}/g,
    replace: 'function $1(){return(window.__galleyIdPrefix||"galley")+"-"+(window.__galleyIds=(window.__galleyIds||0)+1)}',
    why: 'the names it makes (random UUIDs)',
  },
  {
    // Paged.js evaluates `+` and `:nth-of-type` rules with querySelectorAll: a selector Chromium does not
    // read (`p:unknown + p`, `:nth-of-type(2n of p)`) threw and stopped the layout; it matches nothing now.
    find: /processSelectors\(([\w$]+),([\w$]+)\)\{for\(let ([\w$]+) in \2\)\{let ([\w$]+)=\1\.querySelectorAll\(\3\);/g,
    replace: 'processSelectors($1,$2){for(let $3 in $2){let $4=(()=>{try{return $1.querySelectorAll($3)}catch{return[]}})();',
    why: 'the selectors of `+` and `:nth-of-type` rules',
    count: 2,
  },
  {
    // A footnote's call that ends a justified line starts a fraction of a pixel past the
    // page's right edge (483.78 against 483.77): Paged.js took it for a call in the
    // overflow column, dropped its note, and then kept the call on the page; the note
    // was lost (a page with 15 calls in one paragraph). The overflow column starts a
    // whole column gap further: a call within 2 px of the edge is on the page.
    find: /if\(([\w$]+)&&([\w$]+)\.left>([\w$]+)\)([\w$]+)\.remove\(\);/g,
    replace: 'if($1&&$2.left>$3+2)$4.remove();',
    why: 'a footnote call at the end of a line',
  },
];

let patched: Promise<string> | undefined;

/** The polyfill with Galley's patches; fails if the shipped Paged.js no longer has the code they fix. */
export function pagedPolyfill(): Promise<string> {
  patched ??= readFile(polyfillFile(), 'utf8').then((source) => {
    let code = source;
    for (const patch of patches) {
      const found = code.match(patch.find)?.length ?? 0;
      const expected = patch.count ?? 1;
      if (found !== expected) throw new Error(`Paged.js changed: the code for ${patch.why} was found ${found} times, not ${expected}`);
      code = code.replace(patch.find, patch.replace);
    }
    return code;
  });
  return patched;
}
