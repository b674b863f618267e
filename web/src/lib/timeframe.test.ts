import { describe, expect, it } from 'vitest';
import { timeframeMs } from './timeframe';

describe('timeframeMs', () => {
  it.each([
    ['1m', 60_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['4h', 14_400_000],
    ['12h', 43_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
  ])('%s is %d ms', (timeframe, ms) => {
    expect(timeframeMs(timeframe)).toBe(ms);
  });

  it.each(['', '1M', '15', 'm', '0m', '-1h', '1.5h', '15min', ' 15m'])('%j has no fixed length', (timeframe) => {
    expect(timeframeMs(timeframe)).toBeNull();
  });
});
