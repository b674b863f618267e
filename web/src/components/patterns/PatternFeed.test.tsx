import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PatternsPage } from '../../pages/PatternsPage';
import { mockApi, type Handler, type RecordedCall } from '../../test/mockApi';
import { autotriggerFixture, PATTERN_CATALOG, patternFixture, SYMBOLS, STRATEGIES } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import type { PatternInstance } from '../../api/types';

// What the chart was asked to draw.
const drawn = vi.hoisted(() => ({
  lines: [] as Array<{ price: number; title: string }>,
  markers: [] as Array<{ time: number; text: string; position: string }>,
}));

vi.mock('lightweight-charts', () => ({
  createChart: () => ({
    addSeries: () => ({
      setData: () => undefined,
      createPriceLine: (line: { price: number; title: string }) => drawn.lines.push(line),
      applyOptions: () => undefined,
    }),
    timeScale: () => ({ fitContent: () => undefined }),
    remove: () => undefined,
  }),
  createSeriesMarkers: (_series: unknown, markers: Array<{ time: number; text: string; position: string }>) =>
    drawn.markers.push(...markers),
  CandlestickSeries: {},
  ColorType: { Solid: 'solid' },
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
}));

afterEach(() => {
  drawn.lines.length = 0;
  drawn.markers.length = 0;
});

const TRIGGER_MS = Date.UTC(2026, 11, 4, 10, 15);
const candle = (openTime: number) => ({ open_time: openTime, open: '95100.00', high: '95200.00', low: '94100.00', close: '95150.00', volume: '1' });

function page(results: PatternInstance[], count = results.length, pageNumber = 1) {
  return { count, page: pageNumber, page_size: 20, results };
}

function routes(feed: Handler, extra: Record<string, Handler | { status: number; body?: unknown }> = {}) {
  return mockApi({
    'GET /api/patterns/': feed,
    'GET /api/patterns/catalog/': { status: 200, body: PATTERN_CATALOG },
    'GET /api/symbols/': { status: 200, body: SYMBOLS },
    'GET /api/strategies/': { status: 200, body: STRATEGIES },
    'GET /api/autotrigger/': { status: 200, body: autotriggerFixture() },
    'GET /api/autotrigger/decisions/': { status: 200, body: { count: 0, page: 1, page_size: 20, results: [] } },
    'GET /api/intents/pending-confirmation/': { status: 200, body: { count: 0, results: [] } },
    'GET /api/pattern-configs/': { status: 200, body: { count: 0, results: [] } },
    'GET /api/patterns/17/': { status: 200, body: patternFixture() },
    'GET /api/candles/': { status: 200, body: { symbol: 'BTCUSDT', interval: '15m', candles: [candle(TRIGGER_MS - 900_000), candle(TRIGGER_MS), candle(TRIGGER_MS + 900_000)] } },
    ...extra,
  });
}

const query = (call: RecordedCall) => new URL(call.url, 'http://robson.test').searchParams;
const lastFeedQuery = (api: ReturnType<typeof routes>) => query(api.callsTo('GET', '/api/patterns/').at(-1)!);

function renderPage(route = '/patterns') {
  const user = userEvent.setup();
  renderWithProviders(<PatternsPage />, { route, path: '/patterns' });
  return { user };
}

describe('the pattern feed', () => {
  it('lists the patterns with direction, symbol, timeframe, state, confidence and trigger time', async () => {
    routes(() => ({
      status: 200,
      body: page([patternFixture(), patternFixture({ id: 16, pattern: 'BEARISH_ENGULFING', direction: 'SELL', symbol: 'ETHUSDT', state: 'INVALIDATED', confidence: '0.72', intents: [] })]),
    }));
    renderPage();
    const list = await screen.findByRole('list', { name: 'Patterns, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('HAMMER');
    expect(items[0]).toHaveTextContent('BUY');
    expect(items[0]).toHaveTextContent('BTCUSDT 15m');
    expect(items[0]).toHaveTextContent('CONFIRMED');
    expect(items[0]).toHaveTextContent('Confidence 85 % · trigger 2026-12-04 10:15 UTC · 1 trade');
    expect(items[1]).toHaveTextContent('SELL');
    expect(items[1]).toHaveTextContent('INVALIDATED');
    expect(screen.getByText('2 patterns · page 1 of 1')).toBeInTheDocument();
  });

  it('filters by symbol, timeframe, pattern and state, and starts again from page 1', async () => {
    const api = routes(() => ({ status: 200, body: page([patternFixture()], 45) }));
    const { user } = renderPage();
    await screen.findByRole('list', { name: 'Patterns, newest first' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastFeedQuery(api).get('page')).toBe('2'));

    const filters = screen.getByRole('form', { name: 'Filter patterns' });
    await user.selectOptions(within(filters).getByLabelText('Symbol'), 'ETHUSDT');
    await waitFor(() => expect(lastFeedQuery(api).get('symbol')).toBe('ETHUSDT'));
    expect(lastFeedQuery(api).get('page')).toBe('1');
    await user.selectOptions(within(filters).getByLabelText('Timeframe'), '1h');
    await user.selectOptions(within(filters).getByLabelText('Pattern'), 'HAMMER');
    await user.selectOptions(within(filters).getByLabelText('State'), 'CONFIRMED');
    await waitFor(() => expect(lastFeedQuery(api).get('state')).toBe('CONFIRMED'));
    const last = lastFeedQuery(api);
    expect(Object.fromEntries(last.entries())).toEqual({
      symbol: 'ETHUSDT',
      timeframe: '1h',
      pattern: 'HAMMER',
      state: 'CONFIRMED',
      page: '1',
      page_size: '20',
    });

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(lastFeedQuery(api).get('symbol')).toBeNull());
    expect(lastFeedQuery(api).get('state')).toBeNull();
  });

  it('pages through the feed', async () => {
    const api = routes((call) => {
      const n = Number(query(call).get('page'));
      return { status: 200, body: page([patternFixture({ id: 100 + n })], 45, n) };
    });
    const { user } = renderPage();
    expect(await screen.findByText('45 patterns · page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull(); // disabled on page 1
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 patterns · page 2 of 3')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('[data-pattern-id="102"]')).not.toBeNull());
    expect(lastFeedQuery(api).get('page')).toBe('2');
  });

  it('says when no pattern matches', async () => {
    routes(() => ({ status: 200, body: page([]) }));
    renderPage();
    expect(await screen.findByText(/No pattern found yet/)).toBeInTheDocument();
  });

  it('polls the feed for new patterns every 15 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    let calls = 0;
    routes(() => {
      calls++;
      return { status: 200, body: page(calls === 1 ? [] : [patternFixture()]) };
    });
    renderWithProviders(<PatternsPage />, { route: '/patterns', path: '/patterns' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(screen.getByText(/No pattern found yet/)).toBeInTheDocument();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(calls).toBe(2);
    expect(screen.getByRole('list', { name: 'Patterns, newest first' })).toHaveTextContent('HAMMER');
  });
});

describe('a selected pattern', () => {
  it('shows the chart with the trigger candle marked and both levels drawn, the explanation, confidence, state and trades', async () => {
    const api = routes(() => ({ status: 200, body: page([patternFixture()]) }));
    const { user } = renderPage();
    const list = await screen.findByRole('list', { name: 'Patterns, newest first' });
    await user.click(within(list).getByRole('button', { name: /HAMMER/ }));

    const detail = await screen.findByRole('region', { name: 'HAMMER · BTCUSDT 15m' });
    expect(within(list).getByRole('button', { name: /HAMMER/ })).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(drawn.markers).toHaveLength(1));
    expect(drawn.markers[0]).toMatchObject({ time: TRIGGER_MS / 1000, text: 'Trigger', position: 'belowBar' });
    expect(drawn.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ price: 95200, title: 'Confirmation' }),
        expect.objectContaining({ price: 94100, title: 'Invalidation' }),
      ]),
    );
    // The window ends 50 candles of 15 min after the trigger, so the trigger is on the chart.
    expect(api.callsTo('GET', '/api/candles/')[0]!.url).toBe(
      `/api/candles/?symbol=BTCUSDT&interval=15m&limit=200&end_time=${TRIGGER_MS + 50 * 900_000}`,
    );
    expect(detail).toHaveTextContent('Trigger candle 2026-12-04 10:15 UTC (marked)');
    expect(detail).toHaveTextContent('Confirmation 95,200');
    expect(detail).toHaveTextContent('Invalidation 94,100');
    expect(detail).toHaveTextContent('A hammer: the lower wick is 4.7 times the body');
    expect(detail.querySelector('[data-term="Confidence"] dd')).toHaveTextContent('85 % (0.85)');
    expect(detail.querySelector('[data-term="State"] dd')).toHaveTextContent('CONFIRMED');
    expect(detail.querySelector('[data-term="Trigger candle"] dd')).toHaveTextContent('O 95,100 · H 95,200 · L 94,100 · C 95,150');
    const trade = within(detail).getByRole('link', { name: 'intent-aaaa000000000001' });
    expect(trade).toHaveAttribute('href', '/trading-intent/intent-aaaa000000000001');
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveFocus();

    await user.click(within(detail).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: 'HAMMER · BTCUSDT 15m' })).toBeNull();
  });

  it('marks a SELL pattern’s trigger candle from above', async () => {
    const sell = patternFixture({ id: 18, pattern: 'BEARISH_ENGULFING', direction: 'SELL' });
    routes(() => ({ status: 200, body: page([sell]) }), { 'GET /api/patterns/18/': { status: 200, body: sell } });
    const { user } = renderPage();
    await user.click(await screen.findByRole('button', { name: /BEARISH_ENGULFING/ }));
    await waitFor(() => expect(drawn.markers).toHaveLength(1));
    expect(drawn.markers[0]).toMatchObject({ position: 'aboveBar', text: 'Trigger' });
  });

  it('opens the pattern named in the address', async () => {
    const api = routes(() => ({ status: 200, body: page([]) }));
    renderPage('/patterns?selected=17');
    expect(await screen.findByRole('region', { name: 'HAMMER · BTCUSDT 15m' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/patterns/17/')).toHaveLength(1);
  });

  it('charts an old pattern’s own candles: the window ends 50 of its timeframe after the trigger, which is marked', async () => {
    const FOUR_HOURS = 4 * 3_600_000;
    const trigger = Date.UTC(2025, 0, 6, 8); // long before the latest candles
    const latestOpen = trigger + 2_000 * FOUR_HOURS;
    const old = patternFixture({ id: 21, timeframe: '4h', trigger_open_time: '2025-01-06T08:00:00Z' });
    // An exchange: the 200 candles opened at or before end_time, else the latest 200.
    const exchange: Handler = (call) => {
      const endTime = query(call).get('end_time');
      const last = endTime === null ? latestOpen : Math.min(latestOpen, Number(endTime) - (Number(endTime) % FOUR_HOURS));
      const candles = Array.from({ length: 200 }, (_, i) => candle(last - (199 - i) * FOUR_HOURS));
      return { status: 200, body: { symbol: 'BTCUSDT', interval: '4h', candles } };
    };
    const api = routes(() => ({ status: 200, body: page([]) }), {
      'GET /api/patterns/21/': { status: 200, body: old },
      'GET /api/candles/': exchange,
    });
    renderPage('/patterns?selected=21');
    const detail = await screen.findByRole('region', { name: 'HAMMER · BTCUSDT 4h' });
    await waitFor(() => expect(drawn.markers).toHaveLength(1));
    expect(drawn.markers[0]).toMatchObject({ time: trigger / 1000, text: 'Trigger' });
    const asked = query(api.callsTo('GET', '/api/candles/')[0]!);
    expect(asked.get('interval')).toBe('4h');
    expect(asked.get('end_time')).toBe(String(trigger + 50 * FOUR_HOURS));
    await waitFor(() => expect(detail).toHaveTextContent('Trigger candle 2025-01-06 08:00 UTC (marked)'));
  });

  it('asks for the latest candles when the timeframe has no fixed length', async () => {
    const monthly = patternFixture({ id: 22, timeframe: '1M' });
    const api = routes(() => ({ status: 200, body: page([]) }), { 'GET /api/patterns/22/': { status: 200, body: monthly } });
    renderPage('/patterns?selected=22');
    await screen.findByRole('region', { name: 'HAMMER · BTCUSDT 1M' });
    await waitFor(() => expect(api.callsTo('GET', '/api/candles/')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/candles/')[0]!.url).toBe('/api/candles/?symbol=BTCUSDT&interval=1M&limit=200');
  });

  it('says when the trigger candle is not among the candles shown', async () => {
    routes(() => ({ status: 200, body: page([]) }), {
      'GET /api/candles/': { status: 200, body: { symbol: 'BTCUSDT', interval: '15m', candles: [candle(TRIGGER_MS + 3_600_000)] } },
    });
    renderPage('/patterns?selected=17');
    const detail = await screen.findByRole('region', { name: 'HAMMER · BTCUSDT 15m' });
    await waitFor(() => expect(detail).toHaveTextContent('(not among the candles shown)'));
  });

  it('says when the pattern does not exist', async () => {
    routes(() => ({ status: 200, body: page([]) }), {
      'GET /api/patterns/99/': { status: 404, body: { detail: 'Pattern 99 was not found.', code: 'not_found' } },
    });
    renderPage('/patterns?selected=99');
    expect(await screen.findByText('Pattern 99 was not found.')).toBeInTheDocument();
  });
});
