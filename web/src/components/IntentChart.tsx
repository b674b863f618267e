import { useEffect, useMemo, useRef } from 'react';
import Spinner from 'react-bootstrap/Spinner';
import {
  CandlestickSeries,
  ColorType,
  LineStyle,
  createChart,
  type AutoscaleInfo,
  type CandlestickData,
  type IChartApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useIntentCandles } from '../api/intentQueries';
import type { CandlesResponse, Intent, PlanLevel } from '../api/types';
import { formatDecimal } from '../lib/decimal';
import { ErrorAlert } from './ErrorAlert';

/**
 * The chart works in pixels, so here (and only here) decimal strings become numbers: the
 * figures the person reads are always the strings, in the caption below the chart.
 */
function toPlotNumber(value: string): number {
  return Number.parseFloat(value);
}

export function toCandlestickData(candles: CandlesResponse['candles']): CandlestickData<UTCTimestamp>[] {
  return candles.map((candle) => ({
    time: Math.floor(candle.open_time / 1000) as UTCTimestamp,
    open: toPlotNumber(candle.open),
    high: toPlotNumber(candle.high),
    low: toPlotNumber(candle.low),
    close: toPlotNumber(candle.close),
  }));
}

interface ChartLines {
  entry: string | null | undefined;
  stop: string | null | undefined;
  levels: PlanLevel[];
}

function CandleCanvas({ data, lines }: { data: CandlesResponse; lines: ChartLines }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: IChartApi | null = null;
    try {
      chart = createChart(element, {
        autoSize: true,
        layout: { background: { type: ColorType.Solid, color: '#ffffff' }, textColor: '#212529' },
        grid: { vertLines: { color: '#eef0f2' }, horzLines: { color: '#eef0f2' } },
        timeScale: { timeVisible: true, secondsVisible: false },
      });
      const series = chart.addSeries(CandlestickSeries, {
        upColor: '#198754',
        downColor: '#dc3545',
        borderVisible: false,
        wickUpColor: '#198754',
        wickDownColor: '#dc3545',
      });
      series.setData(toCandlestickData(data.candles));
      // Keep the entry, the stop and the levels on screen even when the candles do not reach them.
      const marks = [lines.entry, lines.stop, ...lines.levels.map((level) => level.price)]
        .filter((price): price is string => !!price)
        .map(toPlotNumber)
        .filter(Number.isFinite);
      if (marks.length > 0) {
        series.applyOptions({
          autoscaleInfoProvider: (original: () => AutoscaleInfo | null) => {
            const base = original();
            if (!base?.priceRange) return base;
            return {
              ...base,
              priceRange: {
                minValue: Math.min(base.priceRange.minValue, ...marks),
                maxValue: Math.max(base.priceRange.maxValue, ...marks),
              },
            };
          },
        });
      }
      lines.levels.forEach((level, index) =>
        series.createPriceLine({
          price: toPlotNumber(level.price),
          color: '#6c757d',
          lineWidth: 1,
          lineStyle: LineStyle.Dotted,
          axisLabelVisible: false,
          title: `L${index + 1}`,
        }),
      );
      if (lines.entry) {
        series.createPriceLine({ price: toPlotNumber(lines.entry), color: '#0d6efd', lineWidth: 2, lineStyle: LineStyle.Solid, title: 'Entry' });
      }
      if (lines.stop) {
        series.createPriceLine({ price: toPlotNumber(lines.stop), color: '#b02a37', lineWidth: 2, lineStyle: LineStyle.Dashed, title: 'Stop' });
      }
      chart.timeScale().fitContent();
    } catch (error) {
      console.warn('The chart could not be drawn', error);
    }
    return () => chart?.remove();
  }, [data, lines]);

  return <div ref={container} className="intent-chart__canvas" aria-hidden="true" />;
}

/** Candles of the intent's timeframe with entry, stop and the support/resistance levels. */
export default function IntentChart({ intent }: { intent: Intent }) {
  const candles = useIntentCandles(intent.intent_id, !!intent.plan);
  const data = candles.data;
  const planLevels = intent.plan?.stop?.levels;
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
  if (!intent.plan) return null;
  return (
    <section aria-labelledby="chart-heading" className="mb-4 intent-chart">
      <h2 id="chart-heading" className="h5">
        Chart {data ? `· ${data.symbol} ${data.interval}` : ''}
      </h2>
      {candles.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the candles" />}
      {candles.error && <ErrorAlert error={candles.error} title="The candles could not be loaded" />}
      {data && data.candles.length > 0 && <CandleCanvas data={data} lines={lines} />}
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
      </p>
    </section>
  );
}
