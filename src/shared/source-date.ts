import { parseIsoDate } from './dates.js';

/**
 * The timestamp written into artifacts: `SOURCE_DATE_EPOCH` when set (the
 * reproducible-builds convention), else the manuscript's date, else none.
 * Never the clock.
 */
export function sourceDate(manuscriptDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  const date = manuscriptDate === undefined ? undefined : parseIsoDate(manuscriptDate);
  return date ? new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)) : undefined;
}
