// The quote's totals while someone is still typing: the API's pricing rule
// (round half up per line, tax once on the subtotal, integer minor units, exact
// decimal quantities), computed in the browser as a preview. The API's numbers
// are the ones saved and shown once a change is stored.

const QUANTITY = /^(?:[1-9]\d{0,6}(?:\.\d{1,3})?|0\.(?:[1-9]\d{0,2}|0[1-9]\d?|00[1-9]))$/;

/** "2.5" → 2500n thousandths, or undefined when it is not a valid quantity. */
export function quantityThousandths(text: string): bigint | undefined {
  const trimmed = text.trim();
  if (!QUANTITY.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export interface PreviewLine {
  quantity: string;
  unitPriceMinor: number;
  discountBp: number;
}

export function previewLineTotal(line: PreviewLine): number | undefined {
  const thousandths = quantityThousandths(line.quantity);
  if (thousandths === undefined || !Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) return undefined;
  if (!Number.isInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10_000) return undefined;
  return Number(roundHalfUp(thousandths * BigInt(line.unitPriceMinor) * BigInt(10_000 - line.discountBp), 10_000_000n));
}

export function previewTotals(lines: readonly PreviewLine[], taxRateBp: number) {
  const lineTotals = lines.map(previewLineTotal);
  if (lineTotals.some((t) => t === undefined)) return undefined;
  const subtotal = (lineTotals as number[]).reduce((sum, t) => sum + BigInt(t), 0n);
  const tax = roundHalfUp(subtotal * BigInt(taxRateBp), 10_000n);
  return { lineTotals: lineTotals as number[], subtotalMinor: Number(subtotal), taxMinor: Number(tax), totalMinor: Number(subtotal + tax) };
}

/** "12.5" (%) → 1250 basis points, or undefined. */
export function percentToBasisPoints(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

export function basisPointsToPercent(bp: number): string {
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}
