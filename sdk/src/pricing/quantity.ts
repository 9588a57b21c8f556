/**
 * Quantities are exact decimals with up to three places ("12", "2.5",
 * "0.125"), carried as text on the wire and as integer thousandths inside,
 * so that no binary floating point ever touches a price.
 */

/** A positive decimal, at most 7 digits before the point and 3 after, no leading zeros. No look-arounds, so every regex dialect reads it alike. */
export const QUANTITY_PATTERN = /^(?:[1-9]\d{0,6}(?:\.\d{1,3})?|0\.(?:[1-9]\d{0,2}|0[1-9]\d?|00[1-9]))$/;

export const QUANTITY_SCALE = 1000;

export class QuantityError extends Error {
  override name = 'QuantityError';
}

/** "2.5" → 2500 thousandths. Throws {@link QuantityError} for anything {@link QUANTITY_PATTERN} refuses. */
export function parseQuantity(text: string): number {
  if (!QUANTITY_PATTERN.test(text)) throw new QuantityError(`"${text}" is not a positive quantity with at most 3 decimals`);
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * QUANTITY_SCALE + Number(fraction.padEnd(3, '0'));
}

/** 2500 → "2.5" (the shortest exact form). */
export function formatQuantity(thousandths: number): string {
  const whole = Math.trunc(thousandths / QUANTITY_SCALE);
  const fraction = String(thousandths % QUANTITY_SCALE).padStart(3, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** A decimal as PostgreSQL's numeric returns it ("2.500") → canonical text ("2.5"). */
export function canonicalQuantity(text: string): string {
  const [whole = '0', fraction = ''] = String(text).split('.');
  return formatQuantity(Number(whole) * QUANTITY_SCALE + Number(fraction.slice(0, 3).padEnd(3, '0')));
}
