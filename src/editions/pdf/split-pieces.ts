import { PDFDict, PDFName, type PDFDocument, type PDFObject, type PDFRef, PDFString } from 'pdf-lib';
import { dictAt, kidsOf, languagesOf, nameTree, nameTreeEntries, resolve, stringText, structElements } from './pdf-trees.js';
import { type ListElement, tagDefinitionLists } from './definition-lists.js';
import { detach, moveKid, ParentTree, takeContents } from './struct-moves.js';

/** The mark `markSplitPieces` adds to a split block's or a note's language: the language before it, what it marks, and which. */
const MARK = /^(.+?)(?:-x)?-g(split|note)-([0-9a-z]{1,8})-([0-9a-z]{1,8})$/i;
/**
 * The mark `rehypeLanguageSpans` adds to the language of words in another language
 * inside a line (`glang`), and those of a definition list's elements (`gdl`, `gdt`,
 * `gdd`), a table's footer rows (`gfoot`) and a block's direction (`grtl`, `gltr`:
 * rehype-structure-marks.ts).
 */
const ROLE_MARK = /^(.+?)(?:-x)?-g(lang|dl|dt|dd|foot|rtl|ltr)$/i;
/** A language without Galley's marks (a piece's mark may follow role marks: words in another language in a block with a direction of its own). */
const unmarked = (lang: string): string => {
  let base = MARK.exec(lang)?.[1] ?? lang;
  for (let role = ROLE_MARK.exec(base); role; role = ROLE_MARK.exec(base)) base = role[1]!;
  return base;
};

/**
 * Join the structure elements of a block Paged.js split across pages (a
 * paragraph, a list, a section; marked in its language by `markSplitPieces`)
 * into its first piece: what each later piece holds (marked content, with its
 * page; child elements; annotations) moves to the end of the first, the parent
 * tree follows, and the empty piece goes. A note (the one piece, or pieces on two
 * pages joined) is a `Note` with an id (`note-1`, … in reading order, in the
 * structure tree's `/IDTree`), as PDF/UA asks of notes. Every mark (these, and
 * `rehypeLanguageSpans`') is then taken out of the languages again: an element
 * keeps `/Lang` only where it differs from the language it would inherit.
 */
export function joinSplitPieces(pdf: PDFDocument): void {
  const { context } = pdf;
  const root = dictAt(context, pdf.catalog, 'StructTreeRoot');
  if (!root) return;
  const pieces = new Map<string, Array<{ dict: PDFDict; ref: PDFRef }>>();
  const notes: PDFRef[] = [];
  const marked: Array<{ dict: PDFDict; base: string }> = [];
  const listed: ListElement[] = [];
  for (const { dict, ref } of structElements(context, root)) {
    const lang = stringText(dict.get(PDFName.of('Lang'))) ?? '';
    const match = MARK.exec(lang);
    const role = ROLE_MARK.exec(match?.[1] ?? lang)?.[2]?.toLowerCase();
    if (ref && (role === 'dl' || role === 'dt' || role === 'dd')) listed.push({ dict, ref, role });
    if (!match) {
      if (role) marked.push({ dict, base: unmarked(lang) });
      continue;
    }
    marked.push({ dict, base: unmarked(lang) });
    if (!ref) continue;
    const key = `${match[2]}-${match[3]}-${match[4]}`;
    const group = pieces.get(key);
    if (group) group.push({ dict, ref });
    else {
      pieces.set(key, [{ dict, ref }]);
      if (match[2]!.toLowerCase() === 'note') notes.push(ref);
    }
  }
  const tree = new ParentTree(context, root);
  for (const [first, ...rest] of pieces.values()) {
    if (!first) continue;
    const moved = rest.flatMap((piece) => {
      const taken = takeContents(context, piece.dict, first.ref, tree);
      detach(context, piece.ref);
      return taken;
    });
    if (moved.length > 0) first.dict.set(PDFName.of('K'), context.obj([...kidsOf(first.dict), ...moved]));
  }
  tree.write();
  tagNotes(pdf, root, notes);
  // (After the joins: a list split over pages is one element again.)
  tagDefinitionLists(
    context,
    listed.filter(({ ref }) => context.lookup(ref) !== undefined),
  );
  for (const { dict, base } of marked) {
    if (base === inheritedLanguage(pdf, dict)) dict.delete(PDFName.of('Lang'));
    else dict.set(PDFName.of('Lang'), PDFString.of(base));
  }
}

/** The language an element inherits: its nearest ancestor's `/Lang` that is not a mark, else the document's. */
function inheritedLanguage(pdf: PDFDocument, dict: PDFDict): string | undefined {
  const [nearest] = languagesOf(pdf.context, dict.get(PDFName.of('P')));
  return nearest === undefined ? stringText(pdf.catalog.get(PDFName.of('Lang'))) : unmarked(nearest);
}

/**
 * Make each note's element (its first piece) a `Note` with an id of its own, listed
 * in the `/IDTree`; a note that is an item of a list (printed at its chapter's
 * end) stays an item, and what it holds after its label is the `Note`.
 */
function tagNotes(pdf: PDFDocument, root: PDFDict, notes: readonly PDFRef[]): void {
  if (notes.length === 0) return;
  const { context } = pdf;
  const tree = new ParentTree(context, root);
  const entries = nameTreeEntries(context, dictAt(context, root, 'IDTree'));
  const taken = new Set(entries.map(([name]) => name));
  let number = 0;
  for (const ref of notes) {
    const dict = context.lookup(ref, PDFDict);
    let id: string;
    do id = `note-${++number}`;
    while (taken.has(id));
    const note = dict.get(PDFName.of('S')) === PDFName.of('LI') ? noteInItem(context, dict, ref, tree) : { dict, ref };
    note.dict.set(PDFName.of('S'), PDFName.of('Note'));
    note.dict.set(PDFName.of('ID'), PDFString.of(id));
    entries.push([id, note.ref]);
  }
  tree.write();
  root.set(PDFName.of('IDTree'), context.register(nameTree(context, entries)));
}

/** A new element in list item `item` (`ref`) that holds what the item holds but its label (`Lbl`): the note's body. */
function noteInItem(context: PDFDocument['context'], item: PDFDict, ref: PDFRef, tree: ParentTree): { dict: PDFDict; ref: PDFRef } {
  const isLabel = (kid: PDFObject) => {
    const value = resolve(context, kid);
    return value instanceof PDFDict && value.get(PDFName.of('S')) === PDFName.of('Lbl');
  };
  const kids = kidsOf(item);
  const page = item.get(PDFName.of('Pg'));
  const note = context.obj({ Type: 'StructElem', S: 'Note', P: ref, K: [], ...(page ? { Pg: page } : {}) });
  const noteRef = context.register(note);
  const held = kids.filter((kid) => !isLabel(kid)).flatMap((kid) => moveKid(context, kid, page, noteRef, tree, 'same-page') ?? []);
  note.set(PDFName.of('K'), context.obj(held));
  item.set(PDFName.of('K'), context.obj([...kids.filter(isLabel), noteRef]));
  return { dict: note, ref: noteRef };
}
