import { describe, expect, it } from 'vitest';
import { capitalError, formatDecimal, formatMoney, formatPercent } from './decimal';

describe('capital validation', () => {
  it.each([
    ['', 'Capital is required.'],
    ['   ', 'Capital is required.'],
    ['0', 'Capital must be greater than 0.'],
    ['0.00000000', 'Capital must be greater than 0.'],
    ['-5', 'Enter the capital as a number'],
    ['1e3', 'Enter the capital as a number'],
    ['12,5', 'Enter the capital as a number'],
    ['1.123456789', 'Use at most 8 decimal places.'],
    ['1000000000.00000001', 'Capital must be at most 1,000,000,000.'],
    ['1000000001', 'Capital must be at most 1,000,000,000.'],
    ['99999999999', 'Capital must be at most 1,000,000,000.'],
  ])('refuses %j', (input, message) => {
    expect(capitalError(input)).toContain(message);
  });

  it.each(['100', '100.50', '0.00000001', '1000000000', '1000000000.00000000', '007.5'])('accepts %j', (input) => {
    expect(capitalError(input)).toBeNull();
  });
});

describe('decimal formatting works on the strings, never through a float', () => {
  it('trims trailing zeros and groups thousands', () => {
    expect(formatDecimal('95432.10000000')).toBe('95,432.1');
    expect(formatDecimal('0.00051700')).toBe('0.000517');
    expect(formatDecimal('1.00000000')).toBe('1');
  });

  it('keeps digits a float would lose', () => {
    expect(formatDecimal('12345678901234567.12345678')).toBe('12,345,678,901,234,567.12345678');
    expect(formatDecimal('0.10000000000000000001')).toBe('0.10000000000000000001');
  });

  it('pads money to two decimals and names the asset', () => {
    expect(formatMoney('1.00000000', 'USDT')).toBe('1.00 USDT');
    expect(formatMoney('0.99871181')).toBe('0.99871181');
  });

  it('shows a dash for a missing value and passes unknown text through', () => {
    expect(formatDecimal(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatDecimal('n/a')).toBe('n/a');
  });
});
