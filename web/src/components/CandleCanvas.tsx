import { useEffect, useRef } from 'react';
import {
  CandlestickSeries,
  ColorType,
  LineStyle,
  createChart,
  createSeriesMarkers,
  type AutoscaleInfo,
  type CandlestickData,
  type IChartApi,
  type SeriesMarker,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Candle } from '../api/types';

/**
 * The chart works in pixels, so here (and only here) decimal strings become numbers: the
 * figures the person reads are always the strings, in the caption under each chart.
 */
export function toPlotNumber(value: string): number {
  return Number.parseFloat(value);
}

export function toCandlestickData(candles: Candle[]): CandlestickData<UTCTimestamp>[] {
  return candles.map((candle) => ({
    time: Math.floor(candle.open_time / 1000) as UTCTimestamp,
    open: toPlotNumber(candle.open),
    high: toPlotNumber(candle.high),
    low: toPlotNumber(candle.low),
    close: toPlotNumber(candle.close),
  }));
}

/** A horizontal line at a price (entry, stop, a level, a pattern's confirmation…). */
export interface PriceLineSpec {
  price: string;
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
  width: 1 | 2;
  title: string;
  axisLabel?: boolean;
}

/** A mark on one candle (a pattern's trigger candle). */
export interface CandleMarkerSpec {
  /** The candle's open time in seconds. */
  time: number;
  position: 'aboveBar' | 'belowBar';
  shape: 'arrowUp' | 'arrowDown' | 'circle' | 'square';
  color: string;
  text: string;
}

/** The mark on a pattern's trigger candle: under it for a BUY, over it for a SELL. */
export function triggerMarker(timeSeconds: number, direction: string | undefined): CandleMarkerSpec {
  const sell = direction === 'SELL';
  return {
    time: timeSeconds,
    position: sell ? 'aboveBar' : 'belowBar',
    shape: sell ? 'arrowDown' : 'arrowUp',
    color: '#6f42c1',
    text: 'Trigger',
  };
}

const LINE_STYLE = { solid: LineStyle.Solid, dashed: LineStyle.Dashed, dotted: LineStyle.Dotted } as const;

/**
 * Candles with price lines and markers. Hidden from assistive technology: every chart has a
 * caption that says in words what the lines and marks are.
 */
export function CandleCanvas({
  candles,
  lines,
  markers = [],
}: {
  candles: Candle[];
  lines: PriceLineSpec[];
  markers?: CandleMarkerSpec[];
}) {
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
      series.setData(toCandlestickData(candles));
      // Keep every line on screen even when the candles do not reach it.
      const marks = lines.map((line) => toPlotNumber(line.price)).filter(Number.isFinite);
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
      for (const line of lines) {
        series.createPriceLine({
          price: toPlotNumber(line.price),
          color: line.color,
          lineWidth: line.width,
          lineStyle: LINE_STYLE[line.style],
          axisLabelVisible: line.axisLabel ?? true,
          title: line.title,
        });
      }
      if (markers.length > 0) {
        createSeriesMarkers(
          series,
          markers.map(
            (marker): SeriesMarker<UTCTimestamp> => ({
              time: marker.time as UTCTimestamp,
              position: marker.position,
              shape: marker.shape,
              color: marker.color,
              text: marker.text,
            }),
          ),
        );
      }
      chart.timeScale().fitContent();
    } catch (error) {
      console.warn('The chart could not be drawn', error);
    }
    return () => chart?.remove();
  }, [candles, lines, markers]);

  return <div ref={container} className="intent-chart__canvas" aria-hidden="true" />;
}
