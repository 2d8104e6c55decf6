import * as csstree from 'css-tree';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';

/** Pseudo-elements, also in their old one-colon spelling, which stay on the rewritten selector. */
const pseudoElements = new Set(['first-letter', 'first-line', 'before', 'after', 'marker', 'placeholder', 'selection']);

/** What `staticSiblingSelectors` makes of the print sheets. */
export interface SiblingSelectors {
  /** The sheets, each selector with a `+` or `~` combinator replaced by a class. */
  css: string[];
  /** Each class and the selector (without its pseudo-element) of the elements that get it. */
  classes: ReadonlyArray<{ selector: string; className: string }>;
}

/**
 * Selectors with sibling combinators (`h2 + p`, `h2 ~ p`), evaluated once, on the
 * whole document, before Paged.js splits it into pages. On the pages a sibling may
 * be on another page and the selector no longer matches; Paged.js rewrites `+`
 * rules itself, but drops a pseudo-element (`h2 + p::first-letter`: no drop cap),
 * splits selector lists at every comma (`:not(.a, .b) + p` stopped the layout) and
 * leaves `~` alone. Here each such selector becomes a class (its pseudo-element
 * kept) that `markSiblings` gives to the elements it matches. Selectors that cannot
 * be evaluated without a browser (`:hover`, `:has(…)`) are left as they are.
 */
export function staticSiblingSelectors(sheets: readonly string[]): SiblingSelectors {
  const classes = new Map<string, string>();
  const css = sheets.map((text) => {
    if (!/[+~]/.test(text)) return text;
    const ast = csstree.parse(text, { parseValue: false, parseCustomProperty: false, parseAtrulePrelude: false });
    let changed = false;
    csstree.walk(ast, {
      visit: 'Rule',
      enter(rule) {
        if (rule.prelude.type !== 'SelectorList') return;
        rule.prelude.children.forEach((selector, item) => {
          if (selector.type !== 'Selector' || !hasSiblingCombinator(selector)) return;
          const { subject, pseudo } = splitPseudoElement(selector);
          if (!evaluable(subject)) return;
          let className = classes.get(subject);
          if (!className) {
            className = `galley-sibling-${classes.size + 1}`;
            classes.set(subject, className);
          }
          item.data = csstree.parse(`.${className}${pseudo}`, { context: 'selector' });
          changed = true;
        });
      },
    });
    return changed ? csstree.generate(ast) : text;
  });
  return { css, classes: [...classes].map(([selector, className]) => ({ selector, className })) };
}

/** Give each element the class of every sibling selector it matches. */
export function markSiblings(tree: Root | Element, classes: SiblingSelectors['classes']): void {
  for (const { selector, className } of classes) {
    let matched: Element[];
    try {
      matched = selectAll(selector, tree);
    } catch {
      // (What hast-util-select cannot read, `:nth-child(2n of .x)`, matches nothing, as in a browser that cannot.)
      continue;
    }
    for (const element of matched) {
      const current = element.properties.className;
      element.properties.className = [...(Array.isArray(current) ? current : []), className];
    }
  }
}

function hasSiblingCombinator(selector: csstree.Selector): boolean {
  let found = false;
  let inHas = false;
  csstree.walk(selector, (node) => {
    if (node.type === 'Combinator' && (node.name === '+' || node.name === '~')) found = true;
    if (node.type === 'PseudoClassSelector' && node.name === 'has') inHas = true;
  });
  return found && !inHas;
}

/** The selector's element part and its pseudo-element (from the first one on), as text. */
function splitPseudoElement(selector: csstree.Selector): { subject: string; pseudo: string } {
  const nodes = selector.children.toArray();
  const at = nodes.findIndex(
    (node) => node.type === 'PseudoElementSelector' || (node.type === 'PseudoClassSelector' && pseudoElements.has(node.name.toLowerCase())),
  );
  if (at < 0) return { subject: csstree.generate(selector), pseudo: '' };
  const part = (list: csstree.CssNode[]) => list.map((node) => csstree.generate(node)).join('');
  const pseudo = nodes.slice(at).map((node) => (node.type === 'PseudoClassSelector' ? `:${part([node])}` : part([node])));
  return { subject: part(nodes.slice(0, at)), pseudo: pseudo.join('') };
}

/** Pseudo-classes that depend only on the document, which hast-util-select evaluates as a browser would (not `:where`). */
const staticPseudoClasses = new Set([
  'not',
  'is',
  'first-child',
  'last-child',
  'only-child',
  'nth-child',
  'nth-last-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'nth-of-type',
  'nth-last-of-type',
  'empty',
  'root',
  'lang',
  'dir',
]);

/** Whether the selector can be evaluated before layout, without a browser: no `:hover`, `:has()` or such. */
function evaluable(selector: string): boolean {
  let ast: csstree.CssNode;
  try {
    ast = csstree.parse(selector, { context: 'selector' });
  } catch {
    return false;
  }
  let staticOnly = true;
  csstree.walk(ast, (node) => {
    if (node.type === 'PseudoClassSelector' && !staticPseudoClasses.has(node.name.toLowerCase())) staticOnly = false;
    if (node.type === 'PseudoElementSelector') staticOnly = false;
  });
  if (!staticOnly) return false;
  try {
    selectAll(selector, { type: 'root', children: [] });
    return true;
  } catch {
    return false;
  }
}
