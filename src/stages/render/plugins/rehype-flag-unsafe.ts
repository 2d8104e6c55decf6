import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const dangerousTags = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'base',
  'link',
  'meta',
  'style',
  'form',
  'noscript',
  'template',
]);
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'cite', 'background'];

/** `javascript:`, `vbscript:` and `data:text/html` URLs, however they are spaced or cased. */
export function isScriptUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Browsers ignore ASCII whitespace and control characters inside the scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: those are the characters to drop
  const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(compact) || compact.startsWith('data:text/html');
}

/**
 * Warn, with the place in the Markdown, about raw HTML that `rehype-sanitize`
 * will remove: scripts and embedding elements, `on*` handlers and script URLs.
 */
export function rehypeFlagUnsafe() {
  return (tree: Root, file: VFile) => {
    const warn = (node: Element, reason: string) => {
      const msg = file.message(reason, { place: node.position, ruleId: 'unsafe-html', source: 'galley' });
      msg.fatal = false;
    };
    visit(tree, 'element', (node) => {
      if (dangerousTags.has(node.tagName)) {
        warn(node, `Unexpected \`<${node.tagName}>\` in raw HTML; it was removed (manuscripts cannot run or embed code)`);
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[a-z]/i.test(name)) warn(node, `Unexpected \`${name.toLowerCase()}\` attribute on \`<${node.tagName}>\`; event handlers are removed`);
        else if (urlProperties.includes(name) && isScriptUrl(value))
          warn(node, `Unexpected script URL in \`${name}\` on \`<${node.tagName}>\`; it was removed`);
      }
    });
  };
}
