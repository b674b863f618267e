// Words and checks for the pattern scanner's screens. Confidence and levels stay decimal
// strings, like money: only string operations here.
import type { IntentSummary, PatternConfigMode, PatternIntentMetadata, PatternState } from '../api/types';

export const PATTERN_STATES: PatternState[] = ['DETECTED', 'CONFIRMED', 'CONSUMED', 'EXPIRED', 'INVALIDATED'];

export const MODE_LABELS: Record<PatternConfigMode, string> = {
  manual: 'Manual',
  auto_dry_run: 'Automatic DRY-RUN',
  auto_live: 'Automatic LIVE',
};

export const MODE_HELP: Record<PatternConfigMode, string> = {
  manual: 'Each trade waits in "Awaiting your confirmation" until you execute or cancel it.',
  auto_dry_run: 'Validated trades are executed as DRY-RUN at once (recorded, nothing sent), within the guardrails.',
  auto_live: 'Validated trades are sent to the exchange as LIVE orders without asking you, within the guardrails.',
};

/** What each state means, one sentence. */
export const STATE_EXPLANATION: Record<PatternState, string> = {
  DETECTED: 'Seen on a closed candle; waiting for a later close to confirm it.',
  CONFIRMED: 'Confirmed: matching configurations turn it into trades.',
  CONSUMED: 'At least one trade was made from it.',
  EXPIRED: 'Nothing decided it in time; it will not trigger a trade.',
  INVALIDATED: 'A close beyond the invalidation level cancelled it.',
};

/** Bootstrap colours with AA contrast for the text on them. */
export function patternStateVariant(state: PatternState | string): { bg: string; text: 'light' | 'dark' } {
  switch (state) {
    case 'DETECTED':
      return { bg: 'info', text: 'dark' };
    case 'CONFIRMED':
      return { bg: 'primary', text: 'light' };
    case 'CONSUMED':
      return { bg: 'success', text: 'light' };
    case 'INVALIDATED':
      return { bg: 'danger', text: 'light' };
    default:
      return { bg: 'secondary', text: 'light' };
  }
}

const UNIT_DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/** Why a minimum confidence is not acceptable (it is a decimal from 0 to 1), or null. */
export function minConfidenceError(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return 'Minimum confidence is required.';
  const match = UNIT_DECIMAL.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    return 'Enter the minimum confidence as a decimal from 0 to 1, such as 0.70.';
  }
  const integerPart = (match[1] ?? '').replace(/^0+/, '');
  const fraction = match[2] ?? '';
  // The API keeps three decimals (NUMERIC(4, 3)) and refuses more rather than round them.
  if (fraction.length > 3) return 'Use at most 3 decimal places.';
  if (integerPart !== '' && !(integerPart === '1' && /^0*$/.test(fraction))) {
    return 'The minimum confidence cannot be above 1.';
  }
  return null;
}

/** "0.8" → "80 %", "0.755" → "75.5 %"; anything else is returned as it came. */
export function confidencePercent(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const whole = `${match[1]}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''} %`;
}

/**
 * The pattern that made an intent, when one did (metadata.source == "pattern"). The API's own
 * `source` has the last word: a person's intent whose metadata merely claims to come from a
 * pattern is "user" there, and is not shown as pattern-made.
 */
export function patternMetadata(intent: Pick<IntentSummary, 'metadata' | 'source'> | undefined): PatternIntentMetadata | null {
  if (intent?.source !== undefined && intent.source !== 'pattern') return null;
  const metadata = intent?.metadata;
  if (!metadata || metadata.source !== 'pattern') return null;
  const pattern = metadata.pattern as Partial<PatternIntentMetadata['pattern']> | undefined;
  if (!pattern || typeof pattern !== 'object' || typeof pattern.kind !== 'string') return null;
  return metadata as unknown as PatternIntentMetadata;
}

/** An RFC 3339 time as chart seconds, or null when it does not parse. */
export function toChartSeconds(time: string | null | undefined): number | null {
  if (!time) return null;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** "2026-12-04T10:15:00Z" → "2026-12-04 10:15 UTC": candle times read best in UTC, like the exchange's. */
export function formatCandleTime(time: string | null | undefined): string {
  if (!time) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(time);
  return match ? `${match[1]} ${match[2]} UTC` : time;
}
