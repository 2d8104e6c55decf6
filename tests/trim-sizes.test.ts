import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { geometryOf } from '../src/shared/page-geometry.js';
import { trimSize } from '../src/shared/trim-sizes.js';
import { expectGalleyError, fixtures, formatAll, tempDirs } from './helpers.js';
import { pdfInfo } from './pdf-tools.js';

const temp = tempDirs();

/** The person fixture with another `trim` line in its book.yaml. */
async function withTrim(trim: string): Promise<string> {
  const root = await temp();
  await cp(fixtures('html', 'person', 'input'), root, { recursive: true });
  const file = path.join(root, 'book.yaml');
  const yaml = (await readFile(file, 'utf8')).replace(/^trim:.*\n/m, '');
  await writeFile(file, `${yaml.trimEnd()}\ntrim: ${trim}\n`);
  return root;
}

describe('trim sizes', () => {
  it('are a name or a width and height with units, within 3 to 17 inches', () => {
    expect(trimSize('A5')).toEqual({ width: 148, height: 210 });
    expect(trimSize('royal')).toEqual({ width: 156, height: 234 });
    expect(trimSize('5.5in x 8.5in')).toEqual({ width: 139.7, height: 215.9 });
    expect(trimSize('6 x 9in')).toEqual({ width: 152.4, height: 228.6 });
    expect(trimSize('156mm × 234mm')).toEqual({ width: 156, height: 234 });
    expect(trimSize('15.6cm x 234mm')).toEqual({ width: 156, height: 234 });
    for (const bad of ['B9', '5.5 x 8.5', '5.5in by 8.5in', '2in x 3in', '20in x 30in', '5.5IN x 8.5IN', ' A5']) expect(trimSize(bad), bad).toBeUndefined();
  });

  it('keep the geometry the first four always had, and give others the proportions of A5', () => {
    expect(geometryOf('A5')).toEqual({ size: '148mm 210mm', margins: ['20mm', '22mm', '20mm', '15mm'], fontSize: '10.5pt' });
    expect(geometryOf('royal')).toEqual({ size: '156mm 234mm', margins: ['22.2mm', '24.6mm', '21.1mm', '15.6mm'], fontSize: '10.5pt' });
    expect(geometryOf('7x10').fontSize).toBe('11pt');
  });

  it('set the pages of the PDF, named or measured', async () => {
    // Chromium sets page sizes to a hundredth of an inch: 156 mm prints as 442.08 pt, not 442.2.
    for (const [trim, width, height] of [
      ['5.5in x 8.5in', 396, 612],
      ['royal', 442.2, 663.3],
    ] as const) {
      const result = await build({ root: await withTrim(trim), outDir: await temp(), formats: ['pdf'] });
      const [w, h] = (await pdfInfo(result.outputs[0]!.path))['Page size']!.split(/ x | pts/).map(Number);
      expect(Math.abs(w! - width), `${trim} width ${w}`).toBeLessThan(0.5);
      expect(Math.abs(h! - height), `${trim} height ${h}`).toBeLessThan(0.5);
    }
  });

  it('refuse anything else, saying what is accepted', async () => {
    const root = await withTrim('2in x 3in');
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['html'] }));
    expect(formatAll(error.messages, root).trimEnd()).toMatch(
      /^book\.yaml:\d+:7: error: Expected a trim size: one of `A5`, `A4`, `B5`, `letter`, `5x8`, .*, or a width and height between 3 and 17 inches such as `5\.5in x 8\.5in` or `156mm x 234mm`, not `2in x 3in` \[bad-value\]$/,
    );
  });
});
