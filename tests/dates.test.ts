import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoDateRange, parseIsoDate } from '../src/shared/dates.js';
import { sourceDate } from '../src/shared/source-date.js';

describe('dates of the first century', () => {
  it('stay in their century: not read as 1900–1999', () => {
    expect(formatIsoDate('0079-08-24', 'en')).toBe('24 August 79');
    expect(formatIsoDateRange('0079-08-24', '0079-08-25', 'en')).toEqual({ start: '24', separator: '\u2009–\u2009', end: '25 August 79' });
    expect(sourceDate('0001-01-01', {})?.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    // 29 February: the year 4 was a leap year, the year 100 was not.
    expect(parseIsoDate('0004-02-29')).toEqual({ year: 4, month: 2, day: 29 });
    expect(parseIsoDate('0100-02-29')).toBeUndefined();
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('is refused past the year 9999, which PDF and XMP dates cannot write', () => {
    expect(sourceDate(undefined, { SOURCE_DATE_EPOCH: '253402300799' })?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
    for (const epoch of ['253402300800', '99999999999999'])
      expect(() => sourceDate(undefined, { SOURCE_DATE_EPOCH: epoch })).toThrow(`SOURCE_DATE_EPOCH must be a time before the year 10000, not "${epoch}"`);
  });
});
