import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { TradingIntentStatusPage } from './TradingIntentStatusPage';
import { mockApi } from '../test/mockApi';
import { intentFixture, withStatus } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import type { Intent } from '../api/types';
import { newestIntent, nextStatusPoll } from '../api/intentQueries';
import { ApiError } from '../api/client';

vi.mock('lightweight-charts', () => ({
  createChart: () => ({ addSeries: () => ({ setData: () => undefined, createPriceLine: () => undefined, applyOptions: () => undefined }), timeScale: () => ({ fitContent: () => undefined }), remove: () => undefined }),
  CandlestickSeries: {},
  ColorType: { Solid: 'solid' },
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
}));

const ID = 'intent-0f3a9c2e7b1d4a56';
const STATUS_PATH = `/api/intents/${ID}/status/`;

function routes(statusReplies: Array<{ status: number; body?: unknown }>) {
  let index = 0;
  return mockApi({
    [`GET ${STATUS_PATH}`]: () => statusReplies[Math.min(index++, statusReplies.length - 1)]!,
    [`GET /api/intents/${ID}/audit/`]: { status: 200, body: { intent_id: ID, results: [] } },
    'GET /api/candles/': { status: 200, body: { symbol: 'BTCUSDT', interval: '15m', candles: [], levels: [] } },
  });
}

function renderPage() {
  return renderWithProviders(<TradingIntentStatusPage />, { route: `/trading-intent/${ID}`, path: '/trading-intent/:id' });
}

const shownStatus = () => document.querySelector('.trading-intent-page')?.getAttribute('data-status');

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('status polling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls every 2 s and stops once the intent is terminal', async () => {
    const api = routes([
      { status: 200, body: withStatus('PENDING', { validation_result: null }) },
      { status: 200, body: withStatus('VALIDATED') },
      { status: 200, body: withStatus('EXECUTED') },
    ]);
    renderPage();
    await advance(50);
    expect(shownStatus()).toBe('PENDING');
    expect(api.callsTo('GET', STATUS_PATH)).toHaveLength(1);

    await advance(2000);
    expect(shownStatus()).toBe('VALIDATED');
    await advance(2000);
    expect(shownStatus()).toBe('EXECUTED');
    const callsAtTerminal = api.callsTo('GET', STATUS_PATH).length;
    expect(callsAtTerminal).toBe(3);

    await advance(20_000);
    expect(api.callsTo('GET', STATUS_PATH)).toHaveLength(callsAtTerminal);
  });

  it('toasts each status change, but not the first load', async () => {
    routes([
      { status: 200, body: withStatus('PENDING', { validation_result: null }) },
      { status: 200, body: withStatus('VALIDATED') },
    ]);
    renderPage();
    await advance(50);
    expect(screen.queryByText('BTCUSDT: PENDING')).toBeNull();
    await advance(2000);
    expect(screen.getByText('BTCUSDT: VALIDATED')).toBeInTheDocument();
  });

  it('stops polling on a 404 and says the operation does not exist', async () => {
    const api = routes([{ status: 404, body: { detail: `Intent '${ID}' not found.`, code: 'not_found' } }]);
    renderPage();
    await advance(50);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Operation not found');
    expect(screen.getByRole('alert')).toHaveTextContent(`Intent '${ID}' not found.`);
    await advance(20_000);
    expect(api.callsTo('GET', STATUS_PATH)).toHaveLength(1);
  });

  it('stops polling when an intent that was being followed disappears', async () => {
    const api = routes([
      { status: 200, body: withStatus('PENDING', { validation_result: null }) },
      { status: 404, body: { detail: 'gone', code: 'not_found' } },
    ]);
    renderPage();
    await advance(50);
    await advance(2000);
    expect(screen.getByText('This operation is no longer available.')).toBeInTheDocument();
    await advance(20_000);
    expect(api.callsTo('GET', STATUS_PATH)).toHaveLength(2);
  });

  it('offers cancel while VALIDATED and execution buttons only then', async () => {
    routes([{ status: 200, body: withStatus('VALIDATED') }]);
    renderPage();
    await advance(50);
    expect(screen.getByRole('button', { name: 'Cancel operation' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Execute DRY-RUN' })).toBeInTheDocument();
  });

  it('offers neither cancel nor execute once REJECTED, and shows the reason', async () => {
    routes([{ status: 200, body: withStatus('REJECTED', { status_reason: 'balance_check: Insufficient balance' }) }]);
    renderPage();
    await advance(50);
    expect(screen.queryByRole('button', { name: 'Cancel operation' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Execute DRY-RUN' })).toBeNull();
    expect(screen.getByText('balance_check: Insufficient balance')).toBeInTheDocument();
  });
});

describe('nextStatusPoll', () => {
  it('polls every 2 s while the intent can change', () => {
    expect(nextStatusPoll({ data: withStatus('PENDING'), error: null }, false)).toBe(2000);
    expect(nextStatusPoll({ data: undefined, error: new ApiError(0, 'network', 'down') }, false)).toBe(2000);
  });
  it.each(['EXECUTED', 'REJECTED', 'FAILED', 'CANCELLED'] as const)('stops on %s', (status) => {
    expect(nextStatusPoll({ data: withStatus(status), error: null }, false)).toBe(false);
  });
  it('stops on a 404 and while server push is connected', () => {
    expect(nextStatusPoll({ data: undefined, error: new ApiError(404, 'not_found', 'gone') }, false)).toBe(false);
    expect(nextStatusPoll({ data: withStatus('PENDING'), error: null }, true)).toBe(false);
  });
});

describe('newestIntent', () => {
  it('never lets a stale snapshot move the status backwards', () => {
    const validated = withStatus('VALIDATED');
    expect(newestIntent(validated, withStatus('PENDING'))).toBe(validated);
    expect(newestIntent(withStatus('EXECUTED'), withStatus('EXECUTING')).status).toBe('EXECUTED');
  });
  it('takes a snapshot that moves forward', () => {
    expect(newestIntent(withStatus('PENDING'), withStatus('VALIDATED')).status).toBe('VALIDATED');
    expect(newestIntent(undefined, withStatus('PLANNING')).status).toBe('PLANNING');
  });
});

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(public url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener() {}
  close() {
    this.closed = true;
  }
  emit(intent: Intent) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(intent) }));
  }
}

describe('server push (Server-Sent Events)', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('subscribes with the access token, applies each pushed status at once and does not poll meanwhile', async () => {
    const api = routes([{ status: 200, body: withStatus('PENDING', { validation_result: null }) }]);
    renderPage();
    await advance(50);
    const source = FakeEventSource.instances.at(-1)!;
    expect(source.url).toBe(`/api/intents/${ID}/events/?access_token=access-1`);

    await act(async () => source.onopen?.());
    await advance(50);
    const callsWhileOpen = api.callsTo('GET', STATUS_PATH).length;
    await advance(10_000);
    expect(api.callsTo('GET', STATUS_PATH)).toHaveLength(callsWhileOpen);

    await act(async () => source.emit(intentFixture({ status: 'VALIDATED' })));
    await advance(1);
    expect(shownStatus()).toBe('VALIDATED');
    await act(async () => source.emit(intentFixture({ status: 'EXECUTED' })));
    await advance(1);
    expect(shownStatus()).toBe('EXECUTED');
    expect(source.closed).toBe(true);
  });

  it('keeps a pushed status when an older poll response arrives after it', async () => {
    routes([{ status: 200, body: withStatus('PENDING', { validation_result: null }) }]);
    renderPage();
    await advance(50);
    const source = FakeEventSource.instances.at(-1)!;
    await act(async () => source.emit(intentFixture({ status: 'VALIDATED' })));
    await advance(1);
    expect(shownStatus()).toBe('VALIDATED');
    // Not yet open: polling still runs, and its answer (PENDING) is older than the push.
    await advance(2000);
    expect(shownStatus()).toBe('VALIDATED');
  });

  it('falls back to polling silently when the events endpoint fails', async () => {
    const api = routes([
      { status: 200, body: withStatus('PENDING', { validation_result: null }) },
      { status: 200, body: withStatus('VALIDATED') },
    ]);
    renderPage();
    await advance(50);
    const source = FakeEventSource.instances.at(-1)!;
    await act(async () => source.onerror?.());
    expect(source.closed).toBe(true);
    await advance(2000);
    expect(shownStatus()).toBe('VALIDATED');
    expect(api.callsTo('GET', STATUS_PATH).length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Lost contact/)).toBeNull();
  });
});
