// Candle timeframes ("15m", "4h", "1d") as lengths of time, for asking the API for a window of
// candles around a moment.

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * "15m" → 900000, "4h" → 14400000, "1d" → 86400000; null for anything else. Months ("1M")
 * have no fixed length, so they are null too rather than a wrong guess.
 */
export function timeframeMs(timeframe: string): number | null {
  const match = /^([1-9]\d{0,2})([mhdw])$/.exec(timeframe);
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
