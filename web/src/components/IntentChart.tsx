import { useMemo } from 'react';
import Spinner from 'react-bootstrap/Spinner';
import { useIntentCandles } from '../api/intentQueries';
import type { Intent, PlanLevel } from '../api/types';
import { formatDecimal } from '../lib/decimal';
import { formatCandleTime, patternMetadata, toChartSeconds } from '../lib/patterns';
import { CandleCanvas, triggerMarker, type CandleMarkerSpec, type PriceLineSpec } from './CandleCanvas';
import { ErrorAlert } from './ErrorAlert';

interface ChartLines {
  entry: string | null | undefined;
  stop: string | null | undefined;
  levels: PlanLevel[];
}

function priceLines(lines: ChartLines): PriceLineSpec[] {
  const specs: PriceLineSpec[] = lines.levels.map((level, index) => ({
    price: level.price,
    color: '#6c757d',
    style: 'dotted',
    width: 1,
    title: `L${index + 1}`,
    axisLabel: false,
  }));
  if (lines.entry) specs.push({ price: lines.entry, color: '#0d6efd', style: 'solid', width: 2, title: 'Entry' });
  if (lines.stop) specs.push({ price: lines.stop, color: '#b02a37', style: 'dashed', width: 2, title: 'Stop' });
  return specs;
}

/** Candles of the intent's timeframe with entry, stop and the support/resistance levels. */
export default function IntentChart({ intent }: { intent: Intent }) {
  const candles = useIntentCandles(intent.intent_id, !!intent.plan);
  const data = candles.data;
  const planLevels = intent.plan?.stop?.levels;
  const pattern = patternMetadata(intent)?.pattern;
  const triggerSeconds = toChartSeconds(pattern?.trigger_open_time);
  // Stable while the figures are (query results keep their identity when unchanged), so the
  // chart is not rebuilt on every status poll.
  const lines: ChartLines = useMemo(
    () => ({
      entry: data?.entry_price ?? intent.entry_price,
      stop: data?.stop_price ?? intent.stop_price,
      levels: data?.levels && data.levels.length > 0 ? data.levels : (planLevels ?? []),
    }),
    [data, intent.entry_price, intent.stop_price, planLevels],
  );
  const specs = useMemo(() => priceLines(lines), [lines]);
  // A pattern-made intent marks the candle that completed the pattern.
  const triggerDirection = pattern?.direction;
  const markers: CandleMarkerSpec[] = useMemo(
    () => (triggerSeconds === null ? [] : [triggerMarker(triggerSeconds, triggerDirection)]),
    [triggerSeconds, triggerDirection],
  );
  if (!intent.plan) return null;
  return (
    <section aria-labelledby="chart-heading" className="mb-4 intent-chart">
      <h2 id="chart-heading" className="h5">
        Chart {data ? `· ${data.symbol} ${data.interval}` : ''}
      </h2>
      {candles.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the candles" />}
      {candles.error && <ErrorAlert error={candles.error} title="The candles could not be loaded" />}
      {data && data.candles.length > 0 && <CandleCanvas candles={data.candles} lines={specs} markers={markers} />}
      <p className="small mt-2 mb-0 chart-caption">
        <span className="legend legend--entry">Entry {formatDecimal(lines.entry)}</span>
        {' · '}
        <span className="legend legend--stop">Stop {formatDecimal(lines.stop)}</span>
        {lines.levels.length > 0 && (
          <>
            {' · '}
            <span className="legend legend--level">
              Levels found: {lines.levels.map((level, i) => `L${i + 1} ${formatDecimal(level.price)}`).join(', ')}
            </span>
          </>
        )}
        {pattern && triggerSeconds !== null && (
          <>
            {' · '}
            <span className="legend legend--trigger">
              {pattern.kind} trigger candle {formatCandleTime(pattern.trigger_open_time)}
            </span>
          </>
        )}
      </p>
    </section>
  );
}
