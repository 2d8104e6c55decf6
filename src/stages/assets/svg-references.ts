import type { Element, Nodes, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/** What makes an SVG unusable in a book, and where in the SVG file (1-based line and column). */
export interface SvgProblem {
  reason: string;
  line: number | undefined;
  column: number | undefined;
  /** `false` when the SVG could not be read at all. */
  wellFormed?: false;
}

/** Elements that run code, embed other documents or leave the drawing (any namespace prefix). */
const REFUSED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'audio', 'video']);
/** Pictures an SVG may carry in itself (`data:` URLs), as the editions use them. */
const EMBEDDED_PICTURE = /^data:image\/(png|jpeg|gif);base64,/i;
/** CSS as its tokens read it: escapes (`u\\72l(`, `\\75rl(`) are the characters they stand for. */
const unescapeCss = (css: string) =>
  css.replace(/\\(?:([0-9a-f]{1,6})\s?|([^\n0-9a-f]))/gi, (_all, hex: string | undefined, other: string | undefined) =>
    hex === undefined ? other! : String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd),
  );

/** A `url()` of CSS (in a style sheet, a `style` attribute or a presentation attribute such as `fill`). */
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/** Whether a reference stays inside the SVG: a fragment of its own (`#id`) or a picture embedded in it. */
const stays = (reference: string) => reference.startsWith('#') || EMBEDDED_PICTURE.test(reference);
const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * What an SVG file used as an image does that a book cannot have, read with an XML
 * parser (not by patterns over its text): scripts, event handlers, foreign
 * objects and embedded documents, and every reference that leaves the file — an
 * `href` or `xlink:href`, a CSS `url()` (fills, masks, fonts), `@import`, an
 * `xml-stylesheet` — unless it is a fragment of the file itself (`#id`) or a
 * picture embedded in it (`data:image/png;base64,…`); a document type that
 * declares entities too. Text that is not well-formed XML is one problem, at its
 * place. No problems: the SVG is drawn only from itself.
 */
export function svgProblems(text: string): SvgProblem[] {
  let tree: Root;
  try {
    tree = fromXml(text);
  } catch (cause) {
    const { place, cause: inner } = cause as { place?: { line?: number; column?: number }; cause?: unknown };
    // (The parser's own words, without the excerpt it draws under them.)
    const detail = (inner instanceof Error ? inner.message : String(cause)).split('\n')[0]!.replace(/\s*\(line \d+, column \d+\)$/, '');
    return [{ reason: `it is not well-formed XML: ${detail}`, line: place?.line, column: place?.column, wellFormed: false }];
  }
  const problems: SvgProblem[] = [];
  const at = (node: Nodes, reason: string) => problems.push({ reason, line: node.position?.start.line, column: node.position?.start.column });
  const urls = (node: Nodes, text: string, where: string) => {
    const css = unescapeCss(text.replace(/\/\*[\s\S]*?\*\//g, ' '));
    for (const [, , reference] of css.matchAll(CSS_URL)) {
      if (!stays(reference!.trim())) at(node, `${where} loads \`${shorten(reference!.trim())}\` from outside the image`);
    }
    // (`image-set()` and `src()` also take an address as a plain string.)
    for (const [, , reference] of css.matchAll(/(?:image-set|src)\(\s*(['"])(.*?)\1/gi)) {
      if (!stays(reference!.trim())) at(node, `${where} loads \`${shorten(reference!.trim())}\` from outside the image`);
    }
    if (/@import\b/i.test(css)) at(node, `${where} imports a style sheet (\`@import\`)`);
  };
  const visit = (node: Nodes) => {
    if (node.type === 'doctype' && node.position?.start.offset !== undefined) {
      const source = text.slice(node.position.start.offset, node.position.end?.offset);
      if (source.includes('[')) at(node, 'its document type declares entities');
    } else if (node.type === 'instruction' && node.name.toLowerCase() === 'xml-stylesheet') {
      at(node, 'it links a style sheet (`<?xml-stylesheet?>`)');
    } else if (node.type === 'element' && !checkElement(node, at, urls)) {
      // (What a refused element holds is not read.)
      return;
    }
    if ('children' in node) {
      for (const child of node.children) {
        // (A style sheet: the text of a <style>, as text or CDATA.)
        if ((child.type === 'text' || child.type === 'cdata') && node.type === 'element' && local(node.name) === 'style')
          urls(child, child.value, 'its style sheet');
        visit(child);
      }
    }
  };
  visit(tree);
  return problems;
}

/** Check an element's name and attributes; `false` when it is refused whole. */
function checkElement(node: Element, at: (node: Nodes, reason: string) => void, urls: (node: Nodes, css: string, where: string) => void): boolean {
  const name = local(node.name);
  if (REFUSED_ELEMENTS.has(name)) {
    at(node, `it holds \`<${node.name}>\`${name === 'script' ? ' (a script)' : ''}`);
    return false;
  }
  for (const [attribute, value] of Object.entries(node.attributes)) {
    if (value === null || value === undefined) continue;
    const key = local(attribute);
    if (key.startsWith('on')) at(node, `its \`<${node.name}>\` has an event handler (\`${attribute}\`)`);
    else if (key === 'href' || key === 'src') {
      if (!stays(value.trim())) at(node, `its \`<${node.name} ${attribute}="${shorten(value.trim())}">\` points outside the image`);
    } else if (key === 'attributename' && /^(xlink:)?href$/i.test(value.trim())) {
      at(node, `its \`<${node.name}>\` changes a reference (\`attributeName="${value}"\`)`);
    } else {
      urls(node, value, `its \`<${node.name} ${attribute}>\``);
    }
  }
  return true;
}
