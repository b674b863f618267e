import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { TradingIntentStatusPage } from './TradingIntentStatusPage';
import { mockApi } from '../test/mockApi';
import { intentFixture, patternIntentFixture } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import type { Intent } from '../api/types';

const markers = vi.hoisted(() => [] as Array<{ time: number; text: string }>);

vi.mock('lightweight-charts', () => ({
  createChart: () => ({
    addSeries: () => ({ setData: () => undefined, createPriceLine: () => undefined, applyOptions: () => undefined }),
    timeScale: () => ({ fitContent: () => undefined }),
    remove: () => undefined,
  }),
  createSeriesMarkers: (_series: unknown, list: Array<{ time: number; text: string }>) => markers.push(...list),
  CandlestickSeries: {},
  ColorType: { Solid: 'solid' },
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
}));

function renderIntent(intent: Intent) {
  const id = intent.intent_id;
  mockApi({
    [`GET /api/intents/${id}/status/`]: { status: 200, body: intent },
    [`GET /api/intents/${id}/audit/`]: { status: 200, body: { intent_id: id, results: [] } },
    'GET /api/candles/': {
      status: 200,
      body: { symbol: 'BTCUSDT', interval: '15m', candles: [{ open_time: Date.UTC(2026, 11, 4, 10, 15), open: '1', high: '2', low: '0.5', close: '1.5', volume: '1' }], levels: [] },
    },
  });
  renderWithProviders(<TradingIntentStatusPage />, { route: `/trading-intent/${id}`, path: '/trading-intent/:id' });
}

describe('an intent a pattern made', () => {
  it('shows the pattern, its confidence and the trigger candle, with a link to the pattern', async () => {
    renderIntent(patternIntentFixture({ status: 'EXECUTED' }));
    const block = await screen.findByRole('region', { name: 'Made by a pattern' });
    expect(block.querySelector('[data-term="Pattern"] dd')).toHaveTextContent('HAMMER BUY');
    expect(block.querySelector('[data-term="Confidence"] dd')).toHaveTextContent('85 % (0.85)');
    const trigger = block.querySelector('[data-term="Trigger candle"] dd');
    expect(trigger).toHaveTextContent('2026-12-04 10:15 UTC');
    expect(trigger?.querySelector('.trigger-ohlc')).toHaveTextContent('O 95,100 · H 95,200 · L 94,100 · C 95,150');
    expect(block.querySelector('[data-term="Mode"] dd')).toHaveTextContent('Manual (configuration #3)');
    expect(within(block).getByRole('link', { name: 'See the pattern and its chart' })).toHaveAttribute(
      'href',
      '/patterns?selected=17',
    );
  });

  it('marks the trigger candle on the intent’s chart', async () => {
    markers.length = 0;
    renderIntent(patternIntentFixture({ status: 'EXECUTED' }));
    await waitFor(() => expect(markers).toHaveLength(1));
    expect(markers[0]).toMatchObject({ time: Date.UTC(2026, 11, 4, 10, 15) / 1000, text: 'Trigger' });
    expect(await screen.findByText('HAMMER trigger candle 2026-12-04 10:15 UTC')).toBeInTheDocument();
  });

  it('shows no pattern block for a person’s intent whose metadata claims a pattern', async () => {
    renderIntent(patternIntentFixture({ status: 'EXECUTED', source: 'user' }));
    await screen.findByRole('region', { name: /Chart/ });
    expect(screen.queryByRole('region', { name: 'Made by a pattern' })).toBeNull();
  });

  it('shows no pattern block for an intent a person started', async () => {
    markers.length = 0;
    renderIntent(intentFixture({ status: 'EXECUTED' }));
    await screen.findByRole('heading', { level: 1 });
    await screen.findByRole('region', { name: /Chart/ });
    expect(screen.queryByRole('region', { name: 'Made by a pattern' })).toBeNull();
    expect(markers).toHaveLength(0);
  });
});
