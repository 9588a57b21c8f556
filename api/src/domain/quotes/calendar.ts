/**
 * Calendar dates (`YYYY-MM-DD`) in the business's time zone: a quote valid
 * until the 31st is valid through the 31st where the business is.
 */

/** Today's date in `timeZone` (an IANA name such as "Asia/Singapore"). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = DATE_FORMATS.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD. Building a formatter costs far more than using one: one per zone.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, format);
  }
  return format.format(now);
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
