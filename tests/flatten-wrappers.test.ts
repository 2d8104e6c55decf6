import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { flattenWrappers } from '../src/editions/pdf/flatten-wrappers.js';
import { kidsOf, structElements } from '../src/editions/pdf/pdf-trees.js';
import { repoRoot, tempDirs } from './helpers.js';

const temp = tempDirs();

/** The tree as nested `[type, kids]`, marked content as its MCID. */
function shape(pdf: PDFDocument, value: PDFObject): unknown {
  const dict = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  if (dict instanceof PDFNumber) return dict.asNumber();
  if (!(dict instanceof PDFDict)) return '?';
  const type = (dict.get(PDFName.of('S')) as PDFName).decodeText();
  return [type, kidsOf(dict).map((kid) => shape(pdf, kid))];
}

describe('page wrappers in the structure tree', () => {
  it('go; their children take their place, in order, with their parent; wrappers that hold or say something stay', async () => {
    const pdf = await PDFDocument.create();
    const { context } = pdf;
    const element = (type: string, kids: PDFObject[], extra: Record<string, PDFObject> = {}) => {
      const ref = context.register(context.obj({ Type: 'StructElem', S: type, ...extra }));
      const dict = context.lookup(ref, PDFDict);
      dict.set(PDFName.of('K'), context.obj(kids));
      for (const kid of kids) if (kid instanceof PDFRef) context.lookup(kid, PDFDict).set(PDFName.of('P'), ref);
      return ref;
    };
    const p1 = element('P', [PDFNumber.of(0)]);
    const p2 = element('P', [PDFNumber.of(1)]);
    const inner = element('NonStruct', [p1, p2]);
    const outer = element('NonStruct', [inner]);
    const content = element('NonStruct', [PDFNumber.of(2)]);
    const named = element('NonStruct', [element('P', [PDFNumber.of(3)])], { ID: PDFString.of('x') });
    const document = element('Document', [outer, content, named]);
    const root = context.register(context.obj({ Type: 'StructTreeRoot', K: document }));
    context.lookup(document, PDFDict).set(PDFName.of('P'), root);
    pdf.catalog.set(PDFName.of('StructTreeRoot'), root);

    flattenWrappers(pdf);
    expect(shape(pdf, document)).toEqual([
      'Document',
      [
        ['P', [0]],
        ['P', [1]],
        ['NonStruct', [2]],
        ['NonStruct', [['P', [3]]]],
      ],
    ]);
    expect(context.lookup(p1, PDFDict).get(PDFName.of('P'))).toBe(document);
    expect(context.lookup(outer)).toBeUndefined();
  });

  it('are gone from the manuscript’s PDF, which keeps every element that holds content, in the same order', async () => {
    const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: await temp(), formats: ['pdf'] });
    const pdf = await PDFDocument.load(await readFile(result.outputs[0]!.path), { updateMetadata: false });
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const elements = structElements(pdf.context, root);
    const wrappers = elements.filter((e) => e.dict.get(PDFName.of('S')) === PDFName.of('NonStruct') && kidsOf(e.dict).every((kid) => kid instanceof PDFRef));
    expect(wrappers).toEqual([]);
    const document = elements[0]!;
    expect(document.dict.get(PDFName.of('S'))).toBe(PDFName.of('Document'));
    // The document element holds the book's own elements: the title page's heading first, no page boxes.
    const top = kidsOf(document.dict).map((kid) => (pdf.context.lookup(kid as PDFRef, PDFDict).get(PDFName.of('S')) as PDFName).decodeText());
    expect(top.slice(0, 5)).toEqual(['H1', 'P', 'P', 'P', 'H1']);
    expect(top).not.toContain('NonStruct');
    for (const element of elements.slice(1)) expect(element.dict.get(PDFName.of('P'))).toBe(element.parent?.ref);
  });

  it('joins the pieces of a paragraph Paged.js split across pages into one P, the parent tree following, no mark left in a language', async () => {
    const result = await build({ root: path.join(repoRoot, 'manuscript'), outDir: await temp(), formats: ['pdf'] });
    const pdf = await PDFDocument.load(await readFile(result.outputs[0]!.path), { updateMetadata: false });
    const { context } = pdf;
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const pages = new Map(pdf.getPages().map((page, index) => [page.ref, index + 1]));
    const parentTree = new Map<number, PDFObject>();
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    for (let i = 0; i < nums.size(); i += 2) parentTree.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const ownerOf = (page: PDFRef, mcid: number) => {
      const key = (context.lookup(page, PDFDict).get(PDFName.of('StructParents')) as PDFNumber).asNumber();
      return (context.lookup(parentTree.get(key)) as PDFArray).get(mcid);
    };
    const spans: number[][] = [];
    const elements = structElements(context, root);
    /** The pages of an element's own marked content, each checked against the parent tree. */
    const ownPages = (element: (typeof elements)[number]) => {
      const on = new Set<number>();
      for (const kid of kidsOf(element.dict)) {
        const reference = kid instanceof PDFRef ? context.lookup(kid) : kid;
        const mcr = reference instanceof PDFDict && reference.get(PDFName.of('Type')) === PDFName.of('MCR') ? reference : undefined;
        if (!(kid instanceof PDFNumber) && !mcr) continue;
        const page = (mcr?.get(PDFName.of('Pg')) ?? element.dict.get(PDFName.of('Pg'))) as PDFRef;
        const mcid = kid instanceof PDFNumber ? kid.asNumber() : (mcr!.get(PDFName.of('MCID')) as PDFNumber).asNumber();
        // The parent tree says the content is this element's.
        expect(ownerOf(page, mcid)).toBe(element.ref);
        on.add(pages.get(page)!);
      }
      return on;
    };
    const pagesOf = new Map(elements.map((element) => [element.dict, ownPages(element)]));
    for (const element of elements.toReversed()) if (element.parent) for (const page of pagesOf.get(element.dict)!) pagesOf.get(element.parent.dict)!.add(page);
    for (const element of elements) {
      const lang = element.dict.get(PDFName.of('Lang'));
      expect(lang === undefined ? '' : (lang as PDFString).decodeText()).not.toMatch(/gsplit/);
      const on = pagesOf.get(element.dict)!;
      if (element.dict.get(PDFName.of('S')) === PDFName.of('P') && on.size > 1) spans.push([...on].sort());
    }
    // The article's four paragraphs that run over a page break, each one P on its two pages.
    expect(spans).toEqual([
      [5, 6],
      [6, 7],
      [7, 8],
      [8, 9],
    ]);
  });

  it('keeps the reading order with the pages: nothing of a page is read after what is two pages on (a page’s notes after its text)', async () => {
    const result = await build({ root: path.join(repoRoot, 'examples', 'sample-book'), outDir: await temp(), formats: ['pdf'] });
    const pdf = await PDFDocument.load(await readFile(result.outputs[0]!.path), { updateMetadata: false });
    const { context } = pdf;
    const pages = new Map(pdf.getPages().map((page, index) => [page.ref, index + 1]));
    const order: number[] = [];
    const visit = (value: PDFObject, page: PDFRef | undefined) => {
      const dict = value instanceof PDFRef ? context.lookup(value) : value;
      if (value instanceof PDFNumber) order.push(pages.get(page!)!);
      if (!(dict instanceof PDFDict)) return;
      if (dict.get(PDFName.of('Type')) === PDFName.of('MCR')) {
        order.push(pages.get((dict.get(PDFName.of('Pg')) ?? page) as PDFRef)!);
        return;
      }
      const own = dict.get(PDFName.of('Pg'));
      for (const kid of kidsOf(dict)) visit(kid, own instanceof PDFRef ? own : page);
    };
    visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict), undefined);
    const backwards = order.flatMap((page, at) => {
      const furthest = Math.max(...order.slice(0, at + 1));
      return page < furthest - 1 ? [`page ${page} read after page ${furthest}`] : [];
    });
    expect(order.length).toBeGreaterThan(1000);
    // Known and left: Figure 4, floated to the foot of page 46, is read after the table that starts on that page and
    // runs to page 51 (its pieces joined into one Table); in the manuscript the figure comes first.
    expect([...new Set(backwards)]).toEqual(['page 46 read after page 51']);
  });
});
