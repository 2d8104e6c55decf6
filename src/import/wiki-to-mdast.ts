import type { BlockContent, List, Root, RootContent, Table, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../shared/messages.js';
import type { WikiArticle, WikiBlock } from './parse-wikitext.js';
import { wikiInline } from './wiki-inline.js';
import type { WikiList } from './wiki-lists.js';
import type { WikiTable } from './wiki-table.js';

function list(block: WikiList): List {
  return {
    type: 'list',
    ordered: block.ordered,
    ...(block.ordered ? { start: block.start ?? 1 } : {}),
    spread: false,
    children: block.items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: wikiInline(item.text) }, ...item.lists.map(list)],
    })),
  };
}

/** A GFM table; its first row is the header row (a table without `!` cells gets a warning). */
function table(block: WikiTable, file: VFile): RootContent[] {
  const width = Math.max(...block.rows.map((row) => row.length));
  const rows: TableRow[] = block.rows.map((row) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, n) => ({ type: 'tableCell', children: wikiInline(row[n]?.text ?? '') })),
  }));
  if (!block.rows[0]?.every((cell) => cell.header)) {
    warn(file, 'table-headers', 'Expected the table to start with a header row (`! Header !! Header`); its first row is used as the header', {
      line: block.line,
      column: 1,
    });
  }
  const node: Table = { type: 'table', align: [], children: rows };
  if (block.caption === undefined) return [node];
  return [{ type: 'paragraph', children: [{ type: 'strong', children: wikiInline(block.caption) }] }, node];
}

function blockNodes(block: WikiBlock, file: VFile): RootContent[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'heading', depth: Math.min(6, block.depth) as 2, children: wikiInline(block.text) }];
    case 'paragraph':
      return [{ type: 'paragraph', children: wikiInline(block.text) }];
    case 'quote':
      return [{ type: 'blockquote', children: block.paragraphs.map((text): BlockContent => ({ type: 'paragraph', children: wikiInline(text) })) }];
    case 'list':
      return [list(block)];
    case 'table':
      return block.rows.length === 0 ? [] : table(block, file);
  }
}

/** The article's body as Markdown's tree: its title as the level-1 heading, then its blocks. */
export function articleToMdast(article: WikiArticle, file: VFile): Root {
  return {
    type: 'root',
    children: [{ type: 'heading', depth: 1, children: wikiInline(article.title) }, ...article.blocks.flatMap((block) => blockNodes(block, file))],
  };
}
