import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseFormats, parsePdfStandard, parsePdfStandards } from '../src/cli/arguments.js';

describe('--pdf-standard', () => {
  it('takes a standard by its name or another, in any case', () => {
    expect(parsePdfStandard('pdfa-2b')).toBe('pdfa-2b');
    expect(parsePdfStandard('PDFA')).toBe('pdfa-2b');
    expect(parsePdfStandard('PDF/A-2b')).toBe('pdfa-2b');
    expect(parsePdfStandard('pdfua')).toBe('pdfua-1');
    expect(parsePdfStandard('PDF/UA-1')).toBe('pdfua-1');
  });

  it('takes several, in a list or one option after another, once each', () => {
    expect(parsePdfStandards('pdfa-2b,pdfua-1', undefined)).toEqual(['pdfa-2b', 'pdfua-1']);
    expect(parsePdfStandards('pdfa, pdfua', undefined)).toEqual(['pdfa-2b', 'pdfua-1']);
    expect(parsePdfStandards('pdfua', ['pdfa-2b', 'pdfua-1'])).toEqual(['pdfa-2b', 'pdfua-1']);
    expect(() => parsePdfStandards('pdfa,pdfx', undefined)).toThrow('not "pdfx"');
  });

  it('refuses anything else, saying what it got', () => {
    // Names an object has of its own (`constructor`) were taken for aliases; white space was trimmed off.
    for (const [value, shown] of [
      ['constructor', '"constructor"'],
      ['__proto__', '"__proto__"'],
      ['toString', '"toString"'],
      ['pdfa\t', '"pdfa\\t"'],
      [' pdfa-2b', '" pdfa-2b"'],
      ['pdfx', '"pdfx"'],
      ['', '""'],
    ]) {
      expect(() => parsePdfStandard(value!), value).toThrow(InvalidArgumentError);
      expect(() => parsePdfStandard(value!), value).toThrow(`expected one of pdfa-2b, pdfua-1, pdfa, pdf/a-2b, pdfua, pdf/ua, pdf/ua-1, not ${shown}`);
    }
  });
});

describe('--format', () => {
  it('adds up the editions asked for, once each', () => {
    expect(parseFormats('pdf, EPUB', undefined)).toEqual(['pdf', 'epub']);
    expect(parseFormats('html,pdf', ['pdf'])).toEqual(['pdf', 'html']);
  });

  it('refuses an edition it does not make', () => {
    expect(() => parseFormats('pdf,docx', undefined)).toThrow('expected one of html, pdf, epub, pdfx, not "docx"');
  });
});
