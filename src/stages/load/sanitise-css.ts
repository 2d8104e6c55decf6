import * as csstree from 'css-tree';
import type { VFile } from 'vfile';
import { fail, warn } from '../../shared/messages.js';
import { pointAtOffset } from '../../shared/offset.js';

/** A `url()` of a sheet that names a file of the manuscript, relative to the sheet. */
export interface LocalReference {
  /** As written (decoded), e.g. `fonts/House-Regular.woff2`. */
  readonly href: string;
  readonly place: { line: number; column: number };
}

/** How deep blocks, brackets and functions may nest (the parser and the browser recurse on each level). */
const MAX_DEPTH = 64;

/** The offset where the sheet nests deeper than `MAX_DEPTH`, if it does (strings and comments are single tokens). */
function tooDeep(text: string): number | undefined {
  const { tokenTypes: t } = csstree;
  const opening = new Set([t.LeftCurlyBracket, t.LeftParenthesis, t.LeftSquareBracket, t.Function]);
  const closing = new Set([t.RightCurlyBracket, t.RightParenthesis, t.RightSquareBracket]);
  let depth = 0;
  let at: number | undefined;
  csstree.tokenize(text, (type, start) => {
    if (opening.has(type)) depth++;
    else if (closing.has(type)) depth = Math.max(0, depth - 1);
    if (depth > MAX_DEPTH && at === undefined) at = start;
  });
  return at;
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
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const place = pointAtOffset(text, deep);
    fail(file, 'bad-css', `Unexpected CSS nested more than ${MAX_DEPTH} levels deep: no style sheet needs that many`, place);
    return { ast: csstree.parse(''), references: [] };
  }
  const ast = csstree.parse(text, {
    positions: true,
    filename: file.path,
    onParseError: (error) => {
      const { line, column } = error as unknown as { line: number; column: number };
      warn(file, 'bad-css', `Unexpected CSS: ${error.message.replace(/\.$/, '')} (left out)`, { line, column });
    },
  });
  const references: LocalReference[] = [];
  const place = (node: csstree.CssNode) => ({ line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 1 });
  // Only CSS every edition reads: what the parser could not read (kept as raw text),
  // and rules nested in rules (e-book readers and epubcheck read no CSS nesting), are left out.
  csstree.walk(ast, {
    enter(this: csstree.WalkContext, node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode>, list: csstree.List<csstree.CssNode>) {
      if (!list) return;
      if (node.type === 'Raw' || (node.type === 'Rule' && node.prelude.type === 'Raw')) list.remove(item);
      else if (node.type === 'Declaration' && node.property.toLowerCase() === 'position' && /^\s*fixed\b/i.test(csstree.generate(node.value))) {
        // Paged.js cannot lay out an element fixed to the viewport: text is lost, or its layout fails.
        warn(
          file,
          'bad-css',
          'Unexpected `position: fixed`: paged layout has no viewport to fix it to; use `position: running(…)` for what repeats on every page (left out)',
          place(node),
        );
        list.remove(item);
      } else if (node.type === 'PseudoClassSelector' && node.name.toLowerCase() === 'not' && node.children?.first?.type === 'SelectorList') {
        // `:not(a, b)` is `:not(a):not(b)`, which e-book readers and epubcheck read too (CSS-008).
        const selectors = node.children.first.children.toArray();
        if (selectors.some((selector) => selector.type === 'Selector' && selector.children.size > 1))
          warn(
            file,
            'bad-css',
            `Unexpected \`${csstree.generate(node)}\`: a selector in \`:not()\` other than a simple one (\`.x\`, \`p\`, \`[lang]\`) is not read by e-book readers, and the e-book fails epubcheck (CSS-008)`,
            place(node),
          );
        if (selectors.length < 2) return;
        const one = (selector: csstree.CssNode): csstree.CssNode => ({
          type: 'PseudoClassSelector',
          name: node.name,
          children: new csstree.List<csstree.CssNode>().fromArray([
            { type: 'SelectorList', children: new csstree.List<csstree.CssNode>().fromArray([selector]) },
          ]),
        });
        list.replace(item, new csstree.List<csstree.CssNode>().fromArray(selectors.map(one)));
      } else if ((node.type === 'Rule' || node.type === 'Atrule') && this.rule) {
        warn(file, 'bad-css', 'Unexpected nested rule: e-book readers do not read CSS nesting; write the rule out in full (left out)', place(node));
        list.remove(item);
      }
    },
  });
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

/** The sheet's CSS with each `url()` (and URL string) naming a resource as `<galley-style:N>` (its index) and every other `<` escaped. */
export function linkResources(ast: csstree.CssNode, indexOf: (href: string) => number | undefined): string {
  // A marker the sheet does not hold, so that no text of the author's becomes a resource.
  const plain = csstree.generate(ast);
  let k = 0;
  while (plain.includes(`galley-style-${k}:`)) k++;
  const marker = `galley-style-${k}:`;
  const replace = (href: string): string | undefined => {
    const index = indexOf(href.trim());
    return index === undefined ? undefined : `${marker}${index}`;
  };
  csstree.walk(ast, {
    enter(node: csstree.CssNode) {
      if (node.type === 'Url') node.value = replace(node.value) ?? node.value;
      if (node.type === 'Function' && URL_FUNCTIONS.has(node.name.toLowerCase())) {
        for (const child of node.children) if (child.type === 'String') child.value = replace(child.value) ?? child.value;
      }
    },
  });
  // `<` only ever stands in strings: escaped, no `</style>` in a sheet can end the element it is inlined in,
  // and the placeholders, `<galley-style:N>`, are the only `<` left.
  return csstree
    .generate(ast)
    .replace(/</g, '\\3c ')
    .replace(new RegExp(`${marker}(\\d+)`, 'g'), '<galley-style:$1>');
}
