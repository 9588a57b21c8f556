// How numbers, money and times read on the pages (en-SG: the seller's locale).
const LOCALE = 'en-SG';

const integer = new Intl.NumberFormat(LOCALE);

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatPercent(ratio: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** Digits after the decimal point in `currency` (2 for SGD, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units as money: 129950 SGD → "S$1,299.50". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** A major-unit amount typed by a person ("12.50") as minor units, or undefined if it is not one. */
export function toMinorUnits(text: string, currency: string): number | undefined {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = cleaned.split('.');
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function toMajorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** "12.5" (%) → 1250 basis points ('' is 0), or undefined when it is not a percentage from 0 to 100. */
export function percentToBasisPoints(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

/** 1250 basis points → "12.5" (%). */
export function basisPointsToPercent(bp: number): string {
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Times are shown in UTC, as the API gives them, and say so. */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
}

export function formatDayMonth(isoDate: string): string {
  return dayMonth.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const bytesUnits = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A file size as people read it: 980 bytes, 12.4 KB, 3.1 MB (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < bytesUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${integer.format(value)} bytes` : `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(value)} ${bytesUnits[unit]}`;
}
