import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { warn } from '../../../shared/messages.js';

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
 * will remove: scripts and embedding elements, `on*` handlers, script URLs and
 * inline styles.
 */
export function rehypeFlagUnsafe() {
  return (tree: Root, file: VFile) => {
    const unsafe = (node: Element, reason: string) => warn(file, 'unsafe-html', reason, node.position);
    visit(tree, 'comment', (node) => {
      // HTML has no CDATA sections: the parser reads one as a comment, which is dropped.
      if (node.value.startsWith('[CDATA[')) {
        warn(
          file,
          'malformed-html',
          'Unexpected `<![CDATA[` in raw HTML; HTML has no CDATA sections, so its text was dropped (write the text without `<![CDATA[` and `]]>`)',
          node.position,
        );
      }
    });
    visit(tree, 'element', (node) => {
      if (dangerousTags.has(node.tagName)) {
        unsafe(node, `Unexpected \`<${node.tagName}>\` in raw HTML; it was removed (manuscripts cannot run or embed code)`);
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[a-z]/i.test(name)) unsafe(node, `Unexpected \`${name.toLowerCase()}\` attribute on \`<${node.tagName}>\`; event handlers are removed`);
        else if (name === 'style')
          unsafe(
            node,
            `Unexpected \`style\` attribute on \`<${node.tagName}>\`; it was removed (style through a house style and a \`class\`; size an image with \`{width=…}\`)`,
          );
        else if (urlProperties.includes(name) && isScriptUrl(value))
          unsafe(node, `Unexpected script URL in \`${name}\` on \`<${node.tagName}>\`; it was removed`);
      }
    });
  };
}
