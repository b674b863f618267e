import { useMemo } from 'react';
import Spinner from 'react-bootstrap/Spinner';
import { useCandles } from '../../api/patternQueries';
import type { PatternInstance } from '../../api/types';
import { formatDecimal } from '../../lib/decimal';
import { formatCandleTime, toChartSeconds } from '../../lib/patterns';
import { timeframeMs } from '../../lib/timeframe';
import { CandleCanvas, triggerMarker, type CandleMarkerSpec, type PriceLineSpec } from '../CandleCanvas';
import { ErrorAlert } from '../ErrorAlert';

export function patternLines(instance: Pick<PatternInstance, 'confirmation_level' | 'invalidation_level'>): PriceLineSpec[] {
  const lines: PriceLineSpec[] = [];
  if (instance.confirmation_level) {
    lines.push({ price: instance.confirmation_level, color: '#146c43', style: 'dashed', width: 2, title: 'Confirmation' });
  }
  if (instance.invalidation_level) {
    lines.push({ price: instance.invalidation_level, color: '#b02a37', style: 'dashed', width: 2, title: 'Invalidation' });
  }
  return lines;
}

/** Candles shown after the trigger: enough to see whether the confirmation came and what followed. */
export const CANDLES_AFTER_TRIGGER = 50;

/**
 * Where the chart's window ends (epoch ms): CANDLES_AFTER_TRIGGER candles after the trigger
 * candle opened, so the trigger sits inside the 200 candles asked for whatever its age. Null
 * (the latest candles) when the trigger time or the timeframe cannot be read.
 */
export function patternWindowEnd(instance: Pick<PatternInstance, 'trigger_open_time' | 'timeframe'>): number | null {
  const trigger = instance.trigger_open_time ? Date.parse(instance.trigger_open_time) : Number.NaN;
  const interval = timeframeMs(instance.timeframe);
  if (Number.isNaN(trigger) || interval === null) return null;
  return trigger + CANDLES_AFTER_TRIGGER * interval;
}

/**
 * The instance's symbol and timeframe around its trigger candle (the 200 candles up to
 * CANDLES_AFTER_TRIGGER after it), the trigger candle marked and the confirmation and
 * invalidation levels drawn.
 */
export default function PatternChart({ instance }: { instance: PatternInstance }) {
  const candles = useCandles(instance.symbol, instance.timeframe, patternWindowEnd(instance));
  const data = candles.data;
  const triggerSeconds = toChartSeconds(instance.trigger_open_time);
  const { confirmation_level: confirmation, invalidation_level: invalidation, direction } = instance;
  const lines = useMemo(
    () => patternLines({ confirmation_level: confirmation, invalidation_level: invalidation }),
    [confirmation, invalidation],
  );
  const markers: CandleMarkerSpec[] = useMemo(
    () => (triggerSeconds === null ? [] : [triggerMarker(triggerSeconds, direction)]),
    [triggerSeconds, direction],
  );
  const triggerShown =
    !!data && triggerSeconds !== null && data.candles.some((c) => Math.floor(c.open_time / 1000) === triggerSeconds);

  return (
    <div className="intent-chart pattern-chart mb-3">
      {candles.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the candles" />}
      {candles.error && <ErrorAlert error={candles.error} title="The candles could not be loaded" />}
      {data && data.candles.length > 0 && <CandleCanvas candles={data.candles} lines={lines} markers={markers} />}
      <p className="small mt-2 mb-0 chart-caption">
        <span className="legend legend--trigger">
          Trigger candle {formatCandleTime(instance.trigger_open_time)}
          {data && !triggerShown ? ' (not among the candles shown)' : ' (marked)'}
        </span>
        {' · '}
        <span className="legend legend--confirmation">Confirmation {formatDecimal(confirmation)}</span>
        {' · '}
        <span className="legend legend--invalidation">Invalidation {formatDecimal(invalidation)}</span>
      </p>
    </div>
  );
}
