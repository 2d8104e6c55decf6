import type { Root } from 'hast';
import type { VFile } from 'vfile';

/** Render the chapter's validated infobox and place it right after the chapter title. */
export function rehypeInfobox() {
  return (tree: Root, file: VFile) => {
    const infobox = file.data.infobox;
    if (!infobox) return;
    const chapterId = file.data.chapterId ?? 'chapter';
    const id = file.data.ids ? file.data.ids.slug(`infobox-${chapterId}`) : `infobox-${chapterId}`;
    const aside = infobox.type.render(infobox.data, { language: file.data.language ?? 'en', id });
    const first = tree.children.findIndex((node) => node.type === 'element');
    const title = tree.children[first];
    const at = title?.type === 'element' && title.tagName === 'h1' ? first + 1 : 0;
    tree.children.splice(at, 0, aside);
  };
}
