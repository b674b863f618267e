import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HistoryPage } from './HistoryPage';
import { DashboardPage } from './DashboardPage';
import { mockApi } from '../test/mockApi';
import { intentFixture, SYMBOLS } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { StartOperationProvider } from '../components/StartOperationContext';

const summary = (n: number, status: 'EXECUTED' | 'REJECTED') => {
  const { plan, validation_result, execution_result, ...rest } = intentFixture({ intent_id: `intent-${String(n).padStart(16, '0')}`, status });
  void plan;
  void validation_result;
  void execution_result;
  return rest;
};

describe('History', () => {
  it('filters by status, symbol and UTC dates, and pages through the results', async () => {
    const api = mockApi({
      'GET /api/symbols/': { status: 200, body: SYMBOLS },
      'GET /api/intents/': ({ url }) => {
        const page = Number(new URL(url, 'http://x').searchParams.get('page'));
        return { status: 200, body: { count: 45, page, page_size: 20, results: [summary(page, 'EXECUTED')] } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<HistoryPage />, { route: '/history', path: '/history' });
    expect(await screen.findByText('45 operations · page 1 of 3')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'EXECUTED');
    await screen.findByRole('option', { name: 'ETHUSDT' });
    await user.selectOptions(screen.getByLabelText('Symbol'), 'ETHUSDT');
    await user.type(screen.getByLabelText('From'), '2026-01-01');
    await user.type(screen.getByLabelText('To'), '2026-01-31');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(api.calls.at(-1)!.url).toBe(
        '/api/intents/?status=EXECUTED&symbol=ETHUSDT&since=2026-01-01T00%3A00%3A00Z&until=2026-01-31T23%3A59%3A59Z&page=1&page_size=20',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('45 operations · page 2 of 3')).toBeInTheDocument();
    expect(api.calls.at(-1)!.url).toContain('page=2');
  });
});

describe('Dashboard', () => {
  it('lists the recent intents with their status badges and links', async () => {
    mockApi({
      'GET /api/intents/?page=1&page_size=10': { status: 200, body: { count: 2, page: 1, page_size: 10, results: [summary(1, 'EXECUTED'), summary(2, 'REJECTED')] } },
    });
    renderWithProviders(
      <StartOperationProvider>
        <DashboardPage />
      </StartOperationProvider>,
    );
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('EXECUTED')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('REJECTED')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/trading-intent/intent-0000000000000001');
    expect(screen.getAllByRole('button', { name: /Start New Operation/ }).length).toBeGreaterThan(0);
  });

  it('says clearly when the API cannot be reached', async () => {
    const { vi } = await import('vitest');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderWithProviders(
      <StartOperationProvider>
        <DashboardPage />
      </StartOperationProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The Robson API is unreachable');
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
  });
});
