import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { AppLayout } from './AppLayout';
import { mockApi } from '../test/mockApi';
import { patternIntentFixture } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import type { Intent } from '../api/types';

const PENDING = '/api/intents/pending-confirmation/';

const first = patternIntentFixture();
const second = patternIntentFixture({
  intent_id: 'intent-bbbb000000000002',
  symbol: 'ETHUSDT',
  timeframe: '1h',
  metadata: { source: 'pattern', pattern: { id: 18, kind: 'MA_CROSSOVER', confidence: '0.8' }, config_id: 3, auto_mode: 'manual' },
});

/** Each poll answers the next list; the last one repeats. */
function pendingAnswers(...lists: Intent[][]) {
  let index = 0;
  return mockApi({
    [`GET ${PENDING}`]: () => {
      const list = lists[Math.min(index++, lists.length - 1)]!;
      return { status: 200, body: { count: list.length, results: list } };
    },
  });
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const toasts = () => Array.from(document.querySelectorAll('[data-toast]'));

describe('pattern trades awaiting confirmation, on every page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('counts them in the nav next to Patterns', async () => {
    pendingAnswers([first, second]);
    renderWithProviders(<AppLayout />);
    await advance(50);
    const link = screen.getByRole('link', { name: /Patterns/ });
    expect(link).toHaveAccessibleName('Patterns, 2 awaiting confirmation');
    expect(link).toHaveAttribute('href', '/patterns');
  });

  it('shows no badge when nothing waits', async () => {
    pendingAnswers([]);
    renderWithProviders(<AppLayout />);
    await advance(50);
    expect(screen.getByRole('link', { name: 'Patterns' })).toBeInTheDocument();
    expect(screen.queryByTestId('pending-badge')).toBeNull();
  });

  it('notifies a new one that appears while the app is open, but not those there on first load', async () => {
    const api = pendingAnswers([first], [first, second], [first, second], [second]);
    renderWithProviders(<AppLayout />);
    await advance(50);
    expect(screen.getByTestId('pending-badge')).toHaveTextContent('1');
    expect(toasts()).toHaveLength(0);

    await advance(10_000);
    expect(api.callsTo('GET', PENDING)).toHaveLength(2);
    expect(screen.getByTestId('pending-badge')).toHaveTextContent('2');
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('BUY ETHUSDT awaits your confirmation');
    expect(toasts()[0]).toHaveTextContent('MA_CROSSOVER (confidence 80 %) on 1h.');
    expect(screen.getByTestId('toast-announcer')).toHaveTextContent('BUY ETHUSDT awaits your confirmation.');

    // A notice lasts 6 s, so one seen right after a later poll would be a new one. The same
    // list again, then one fewer: no new notice.
    await advance(10_000);
    expect(api.callsTo('GET', PENDING)).toHaveLength(3);
    expect(toasts()).toHaveLength(0);
    await advance(10_000);
    expect(api.callsTo('GET', PENDING)).toHaveLength(4);
    expect(toasts()).toHaveLength(0);
    expect(screen.getByTestId('pending-badge')).toHaveTextContent('1');
  });

  it('stops asking an API that has no such endpoint', async () => {
    const api = mockApi({}); // every path is a 404
    renderWithProviders(<AppLayout />);
    await advance(50);
    await advance(60_000);
    expect(api.callsTo('GET', PENDING)).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Patterns' })).toBeInTheDocument();
  });
});
