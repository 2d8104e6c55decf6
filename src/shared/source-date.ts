import { BuildFailure } from './messages.js';
import { parseIsoDate, utcDay } from './dates.js';

/**
 * The timestamp written into artifacts: `SOURCE_DATE_EPOCH` when set (the
 * reproducible-builds convention), else the manuscript's date, else none.
 * Never the clock.
 */
export function sourceDate(manuscriptDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new BuildFailure(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    const date = new Date(Number(epoch) * 1000);
    // PDF and XMP dates have four-digit years.
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999)
      throw new BuildFailure(`SOURCE_DATE_EPOCH must be a time before the year 10000, not "${epoch}"`);
    return date;
  }
  const date = manuscriptDate === undefined ? undefined : parseIsoDate(manuscriptDate);
  return date ? utcDay(date.year, date.month ?? 1, date.day ?? 1) : undefined;
}
