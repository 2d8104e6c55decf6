import * as csstree from 'css-tree';
import type { VFile } from 'vfile';
import { fail, warn } from '../../shared/messages.js';

/** A `url()` of a sheet that names a file of the manuscript, relative to the sheet. */
export interface LocalReference {
  /** As written (decoded), e.g. `fonts/House-Regular.woff2`. */
  readonly href: string;
  readonly place: { line: number; column: number };
}

/** Functions whose quoted strings are URLs, as much as `url()` is. */
const URL_FUNCTIONS = new Set(['image-set', '-webkit-image-set', 'image', 'cross-fade', 'src']);

/**
 * Parse an author's style sheet and keep it to the manuscript: `@import` and every
 * reference that leaves the folder (a scheme, an absolute path, `..` above the
 * sheet's folder resolved later) is an error at its place; what the parser cannot
 * read is a warning at its place. Returns the parsed sheet and the local files it
 * names, for `loadStyles` to read and point each edition at.
 */
export function sanitiseCss(file: VFile, text: string): { ast: csstree.CssNode; references: LocalReference[] } {
  const ast = csstree.parse(text, {
    positions: true,
    filename: file.path,
    onParseError: (error) => {
      const { line, column } = error as unknown as { line: number; column: number };
      warn(file, 'bad-css', `Unexpected CSS: ${error.message.replace(/\.$/, '')}`, { line, column });
    },
  });
  const references: LocalReference[] = [];
  const place = (node: csstree.CssNode) => ({ line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 1 });
  const refuse = (node: csstree.CssNode, reason: string) => fail(file, 'unsafe-style', reason, place(node));
  csstree.walk(ast, {
    enter(node: csstree.CssNode) {
      // An escape in a name (`@\\69mport`, `u\\72l(`) would hide what it is from these checks.
      if ((node.type === 'Atrule' || node.type === 'Function') && node.name.includes('\\')) {
        refuse(node, `Refused the escaped name \`${node.name}\`: write at-rules and functions without escapes`);
        return;
      }
      // A custom property's value is not parsed: a URL in it would reach the page unchecked.
      if (node.type === 'Raw' && /url\s*\(|\\|image-set|@import/i.test(node.value)) {
        refuse(node, 'Refused a `url()` or an escape where it cannot be checked (a custom property, CSS that cannot be read): name files in plain `url()`s');
        return;
      }
      if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
        refuse(node, 'Refused `@import`: list every style sheet under `styles` in `book.yaml` instead');
        return;
      }
      if (node.type === 'Url') check(node, node.value);
      if (node.type === 'Function' && URL_FUNCTIONS.has(node.name.toLowerCase())) {
        for (const child of node.children) if (child.type === 'String') check(child, child.value);
      }
    },
  });
  function check(node: csstree.CssNode, href: string) {
    const value = href.trim();
    if (value.startsWith('#') || value.startsWith('data:')) return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
      refuse(node, `Refused \`${value}\`: a style sheet may only name files inside the manuscript folder (builds are offline)`);
    } else if (value.startsWith('/') || value.startsWith('\\')) {
      refuse(node, `Refused \`${value}\`: an absolute path; name the file relative to the style sheet`);
    } else if (value === '') {
      refuse(node, 'Refused an empty `url()`');
    } else {
      references.push({ href: value, place: place(node) });
    }
  }
  return { ast, references };
}

/** Point every `url()` (and URL string) the sheet names through `replace`; others are left as they are. */
export function rewriteUrls(ast: csstree.CssNode, replace: (href: string) => string | undefined): string {
  csstree.walk(ast, {
    enter(node: csstree.CssNode) {
      if (node.type === 'Url') node.value = replace(node.value.trim()) ?? node.value;
      if (node.type === 'Function' && URL_FUNCTIONS.has(node.name.toLowerCase())) {
        for (const child of node.children) if (child.type === 'String') child.value = replace(child.value.trim()) ?? child.value;
      }
    },
  });
  return csstree.generate(ast);
}
