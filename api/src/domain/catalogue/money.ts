/**
 * Money as integer minor units. Prices arrive as decimal text ("1,299.50")
 * and are converted exactly (no floating point), with the currency's own
 * number of decimals (JPY 0, SGD 2, KWD 3).
 */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Largest unit price accepted, in minor units (fits a JS number and PostgreSQL bigint). */
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000_000;

export type PriceParse = { ok: true; minor: number } | { ok: false; reason: string };

/** "12.5" → 1250 (SGD). Thousands separators are allowed; a currency symbol or letters are not. */
export function parseMajorUnits(text: string, currency: string): PriceParse {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) {
    return { ok: false, reason: cleaned.startsWith('-') ? 'bad price: negative' : `bad price: "${text.trim()}" is not a number` };
  }
  const decimals = currencyDecimals(currency);
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) {
    return { ok: false, reason: `bad price: ${currency} has ${decimals} decimal place${decimals === 1 ? '' : 's'}` };
  }
  const minor = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_UNIT_PRICE_MINOR) return { ok: false, reason: 'bad price: too large' };
  return { ok: true, minor };
}
