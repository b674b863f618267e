// Decimal strings stay strings: these helpers validate and format them with string operations
// only (no Number(), no parseFloat), so the digits shown are the digits the API sent.

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d+))?$/;
export const MAX_CAPITAL = '1000000000';
export const MAX_CAPITAL_DECIMALS = 8;

/** Why the capital is not acceptable, or null when it is. */
export function capitalError(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return 'Capital is required.';
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return 'Enter the capital as a number such as 100 or 250.50 (digits and one decimal point).';
  const integerPart = stripLeadingZeros(match[1] ?? '0');
  const fraction = match[2] ?? '';
  if (fraction.length > MAX_CAPITAL_DECIMALS) return `Use at most ${MAX_CAPITAL_DECIMALS} decimal places.`;
  if (integerPart === '0' && /^0*$/.test(fraction)) return 'Capital must be greater than 0.';
  if (compareIntegerStrings(integerPart, MAX_CAPITAL) > 0 || (integerPart === MAX_CAPITAL && /[1-9]/.test(fraction))) {
    return 'Capital must be at most 1,000,000,000.';
  }
  return null;
}

/** The capital as the API should receive it: trimmed, a decimal string. */
export function normalizeCapital(raw: string): string {
  return raw.trim();
}

function stripLeadingZeros(digits: string): string {
  const stripped = digits.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

function compareIntegerStrings(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * "95432.10000000" → "95,432.10" with minDecimals 2; "0.00051700" → "0.000517".
 * Trailing zeros go, down to minDecimals; the integer part gets thousands separators.
 * Anything that is not a plain decimal string is returned unchanged.
 */
export function formatDecimal(value: string | null | undefined, minDecimals = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const sign = match[1] ?? '';
  const integerPart = stripLeadingZeros(match[2] ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let fraction = (match[3] ?? '').replace(/0+$/, '');
  while (fraction.length < minDecimals) fraction += '0';
  return `${sign}${integerPart}${fraction ? `.${fraction}` : ''}`;
}

export function formatMoney(value: string | null | undefined, asset?: string): string {
  const text = formatDecimal(value, 2);
  return asset && text !== '—' ? `${text} ${asset}` : text;
}

export function formatPercent(value: string | null | undefined): string {
  const text = formatDecimal(value);
  return text === '—' ? text : `${text} %`;
}
