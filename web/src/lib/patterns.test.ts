import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { apiErrorField } from './apiFieldError';
import { confidencePercent, formatCandleTime, minConfidenceError, patternMetadata, toChartSeconds } from './patterns';

describe('minConfidenceError', () => {
  it.each(['0', '0.7', '0.70', '.5', '1', '1.00', '0.125'])('accepts %j', (value) => {
    expect(minConfidenceError(value)).toBeNull();
  });
  it.each([
    ['', 'Minimum confidence is required.'],
    ['1.01', 'The minimum confidence cannot be above 1.'],
    ['2', 'The minimum confidence cannot be above 1.'],
    ['-0.5', 'Enter the minimum confidence as a decimal from 0 to 1, such as 0.70.'],
    ['70%', 'Enter the minimum confidence as a decimal from 0 to 1, such as 0.70.'],
    ['.', 'Enter the minimum confidence as a decimal from 0 to 1, such as 0.70.'],
    ['0.1234', 'Use at most 3 decimal places.'],
  ])('refuses %j', (value, message) => {
    expect(minConfidenceError(value)).toBe(message);
  });
});

describe('confidencePercent', () => {
  it('moves the decimal point with string operations only', () => {
    expect(confidencePercent('0.8')).toBe('80 %');
    expect(confidencePercent('0.755')).toBe('75.5 %');
    expect(confidencePercent('1')).toBe('100 %');
    expect(confidencePercent('0.05')).toBe('5 %');
    expect(confidencePercent('0.123456789')).toBe('12.3456789 %');
  });
  it('shows anything else as it came', () => {
    expect(confidencePercent(null)).toBe('—');
    expect(confidencePercent('high')).toBe('high');
  });
});

describe('patternMetadata', () => {
  it('finds the pattern of a pattern-made intent', () => {
    const metadata = { source: 'pattern', pattern: { id: 17, kind: 'HAMMER', confidence: '0.8' } };
    expect(patternMetadata({ metadata })?.pattern.kind).toBe('HAMMER');
  });
  it('believes the API’s source over metadata a person could have written', () => {
    const metadata = { source: 'pattern', pattern: { id: 17, kind: 'HAMMER', confidence: '0.8' } };
    expect(patternMetadata({ metadata, source: 'user' })).toBeNull();
    expect(patternMetadata({ metadata, source: 'pattern' })?.pattern.id).toBe(17);
  });
  it('is null for a person-made intent or a malformed one', () => {
    expect(patternMetadata({ metadata: {} })).toBeNull();
    expect(patternMetadata({ metadata: { source: 'manual' } })).toBeNull();
    expect(patternMetadata({ metadata: { source: 'pattern' } })).toBeNull();
    expect(patternMetadata(undefined)).toBeNull();
  });
});

describe('candle times', () => {
  it('shows the trigger open time in UTC, as the exchange does', () => {
    expect(formatCandleTime('2026-12-04T10:15:00Z')).toBe('2026-12-04 10:15 UTC');
  });
  it('turns an RFC 3339 time into chart seconds', () => {
    expect(toChartSeconds('2026-12-04T10:15:00Z')).toBe(Date.UTC(2026, 11, 4, 10, 15) / 1000);
    expect(toChartSeconds('yesterday')).toBeNull();
  });
});

describe('apiErrorField', () => {
  const fields = { min_confidence: 'minConfidence', symbols: 'symbols', capital: 'capital' } as const;
  it('reads the field the detail names', () => {
    const error = new ApiError(400, 'invalid_field', "'min_confidence' must be between 0 and 1.");
    expect(apiErrorField(error, fields)).toBe('minConfidence');
  });
  it('prefers the code when it is about one field', () => {
    const error = new ApiError(400, 'risk_not_acknowledged', 'Automatic LIVE needs acknowledge_risk: true.');
    expect(apiErrorField(error, fields, { risk_not_acknowledged: 'capital' })).toBe('capital');
  });
  it('finds an unquoted field name as a whole word', () => {
    const error = new ApiError(400, 'invalid_field', 'Unknown symbol in symbols: FOOUSDT.');
    expect(apiErrorField(error, fields)).toBe('symbols');
  });
  it('is null when no field is named, or for errors that are not the API’s', () => {
    expect(apiErrorField(new ApiError(503, 'unavailable', 'The database is down.'), fields)).toBeNull();
    expect(apiErrorField(new Error('boom'), fields)).toBeNull();
  });
});
