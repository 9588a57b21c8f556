import { describe, expect, it } from 'vitest';
import { formatMinorUnits } from '../src/domain/quotes/money-format.js';

describe('formatMinorUnits', () => {
  it('formats with the currency decimals and thousands separators, exactly', () => {
    expect(formatMinorUnits(123456, 'SGD')).toBe('1,234.56');
    expect(formatMinorUnits(5, 'SGD')).toBe('0.05');
    expect(formatMinorUnits(0, 'SGD')).toBe('0.00');
    expect(formatMinorUnits(1234, 'JPY')).toBe('1,234');
    expect(formatMinorUnits(Number.MAX_SAFE_INTEGER, 'SGD')).toBe('90,071,992,547,409.91');
  });
});
