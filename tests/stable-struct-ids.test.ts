import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { expect, it } from 'vitest';
import { stabiliseStructIds } from '../src/editions/pdf/stable-struct-ids.js';

/** A document shaped like Chromium's tagged output: TH elements with ids, an IDTree, /Headers. */
async function tagged(offset: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const id = (n: number) => PDFString.of(`node${String(n + offset).padStart(8, '0')}`);
  const th1 = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: id(403) }));
  const th2 = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: id(407) }));
  ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', A: [ctx.obj({ O: 'Table', Headers: [id(407)] })] }));
  const tree = ctx.register(ctx.obj({ Limits: [id(403), id(407)], Names: [id(403), th1, id(407), th2] }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', IDTree: tree })));
  stabiliseStructIds(pdf);
  return pdf.save({ useObjectStreams: false });
}

it('renames Chromium node ids by rank, so shifted numbering gives the same bytes', async () => {
  const [a, b] = await Promise.all([tagged(0), tagged(1)]);
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  const text = Buffer.from(a).toString('latin1');
  expect(text).not.toContain('node00000');
  expect(text).toContain('/Limits [ (id0001) (id0002) ]');
  expect(text).toContain('/Headers [ (id0002) ]');
});
