import { currencyDecimals } from '../catalogue/money.js';

/**
 * Minor units as people read them: 123456 SGD → "1,234.56". Exact (string
 * arithmetic, no floating point), the currency's own number of decimals.
 */
export function formatMinorUnits(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 900 → "9", 825 → "8.25" (a rate in basis points as a percentage). */
export function formatBasisPointsAsPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** "SGD 1,234.56" */
export const formatMoney = (minor: number, currency: string) => `${currency} ${formatMinorUnits(minor, currency)}`;
