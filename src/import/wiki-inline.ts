import type { PhrasingContent } from 'mdast';

type Container = { type: 'root' | 'strong' | 'emphasis'; children: PhrasingContent[] };

const token = /('''''|'''|'')|\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\[(https?:\/\/[^\s\]]+)(?:\s+([^\]]+))?\]|(https?:\/\/[^\s<>\]]*[^\s<>\].,;:!?)'"])/g;

/**
 * Wiki inline markup as Markdown phrasing: `'''bold'''`, `''italic''`,
 * `'''''both'''''`, `[[Target]]` and `[[Target|label]]` (the label as text: an
 * article's internal links have no address in a book), `[https://… label]` and bare
 * `https://…` addresses as links. Bold or italic left open ends with the text.
 */
export function wikiInline(text: string): PhrasingContent[] {
  const root: Container = { type: 'root', children: [] };
  const stack: Container[] = [root];
  const top = () => stack[stack.length - 1]!;
  const pushText = (value: string) => {
    if (value === '') return;
    const last = top().children[top().children.length - 1];
    if (last?.type === 'text') last.value += value;
    else top().children.push({ type: 'text', value });
  };
  const toggle = (type: 'strong' | 'emphasis') => {
    const index = stack.findIndex((c, n) => n > 0 && c.type === type);
    if (index === -1) {
      const node: Container = { type, children: [] };
      top().children.push(node as PhrasingContent);
      stack.push(node);
    } else stack.length = index;
  };
  let at = 0;
  for (const m of text.matchAll(token)) {
    pushText(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] === "'''''") {
      const open = stack.filter((c) => c.type !== 'root').map((c) => c.type);
      if (open.includes('strong') && open.includes('emphasis')) stack.length = 1 + Math.min(open.indexOf('strong'), open.indexOf('emphasis'));
      else if (open.includes('strong')) {
        toggle('strong');
        toggle('emphasis');
      } else if (open.includes('emphasis')) {
        toggle('emphasis');
        toggle('strong');
      } else {
        toggle('strong');
        toggle('emphasis');
      }
    } else if (m[1] === "'''") toggle('strong');
    else if (m[1] === "''") toggle('emphasis');
    else if (m[2] !== undefined) pushText((m[3] ?? m[2]).trim());
    else if (m[4] !== undefined) top().children.push({ type: 'link', url: m[4], children: [{ type: 'text', value: (m[5] ?? m[4]).trim() }] });
    else if (m[6] !== undefined) top().children.push({ type: 'link', url: m[6], children: [{ type: 'text', value: m[6] }] });
  }
  pushText(text.slice(at));
  return prune(root.children);
}

/** Bold or italic with nothing inside (`''''`) is dropped. */
function prune(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type !== 'strong' && node.type !== 'emphasis') return [node];
    const children = prune(node.children);
    return children.length === 0 ? [] : [{ ...node, children }];
  });
}
