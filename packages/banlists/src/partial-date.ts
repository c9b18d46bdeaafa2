import type { PartialDate } from '@vetting/matching';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for "1975", "1975-03" and "1975-03-14" when they name a real calendar date. */
export function isPartialDate(value: string): value is PartialDate {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isFullDate(value: string): boolean {
  return value.length === 10 && isPartialDate(value);
}

/**
 * Years from `from` to `to` inclusive. A "born between" range becomes every year in it so the matcher can
 * use any of them; a span above `maxSpan` is more likely a typo than knowledge, so only its ends are kept.
 */
export function yearsBetween(from: number, to: number, maxSpan = 15): PartialDate[] | undefined {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return undefined;
  if (to - from > maxSpan) return [String(from), String(to)];
  const years: PartialDate[] = [];
  for (let y = from; y <= to; y++) years.push(String(y));
  return years;
}

export function yearOf(date: PartialDate): string {
  return date.slice(0, 4);
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** "10 Dec 1948", "Dec 1948", "1948" (OFAC's English style) → partial ISO date, or undefined. */
export function parseEnglishDate(text: string): PartialDate | undefined {
  const m = /^(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]* )?(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [, day, mon, year] = m;
  if (day && !mon) return undefined;
  const month = mon ? MONTHS[mon.toLowerCase()] : undefined;
  if (mon && !month) return undefined;
  const iso = [year, month, day?.padStart(2, '0')].filter(Boolean).join('-');
  return isPartialDate(iso) ? iso : undefined;
}

/** Adds values not already present, keeping first-seen order (lists repeat a DOB under every alias). */
export function pushUnique<T>(target: T[], ...values: T[]): void {
  for (const v of values) if (!target.includes(v)) target.push(v);
}
