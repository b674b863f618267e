import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StartNewOperationModal } from './StartNewOperationModal';
import { deferredReply, mockApi } from '../test/mockApi';
import { intentFixture, STRATEGIES, SYMBOLS } from '../test/fixtures';
import { renderWithProviders } from '../test/render';

function referenceRoutes() {
  return {
    'GET /api/strategies/': { status: 200, body: STRATEGIES },
    'GET /api/symbols/': { status: 200, body: SYMBOLS },
  };
}

async function openModal() {
  const user = userEvent.setup();
  const view = renderWithProviders(<StartNewOperationModal show onHide={() => undefined} />);
  await screen.findByRole('option', { name: 'All In' });
  await screen.findByRole('option', { name: 'BTC/USDT' });
  return { user, ...view };
}

async function typeCapital(user: ReturnType<typeof userEvent.setup>, text: string) {
  const capital = screen.getByLabelText(/Capital \(USDT\)/);
  await user.clear(capital);
  if (text) await user.type(capital, text);
}

describe('StartNewOperationModal', () => {
  it('loads the strategies and symbols from the API and preselects All In and BTCUSDT', async () => {
    mockApi(referenceRoutes());
    await openModal();
    expect(screen.getByLabelText('Strategy')).toHaveValue('1');
    expect(screen.getByLabelText('Symbol')).toHaveValue('BTCUSDT');
    expect(screen.getByLabelText('Timeframe')).toHaveValue('15m');
    expect(screen.getByRole('option', { name: 'Rescue Forces' })).toBeInTheDocument();
  });

  it.each([
    ['', 'Capital is required.'],
    ['0', 'Capital must be greater than 0.'],
    ['1000000000.01', 'Capital must be at most 1,000,000,000.'],
    ['1.123456789', 'Use at most 8 decimal places.'],
    ['ten', 'Enter the capital as a number'],
  ])('shows an inline error for capital %j and sends nothing', async (capital, message) => {
    const api = mockApi(referenceRoutes());
    const { user } = await openModal();
    await typeCapital(user, capital);
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeInTheDocument();
    expect(screen.getByLabelText(/Capital/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Capital/)).toHaveFocus();
    expect(api.callsTo('POST', '/api/intents/create/')).toHaveLength(0);
  });

  it('requires a strategy', async () => {
    const api = mockApi(referenceRoutes());
    const { user } = await openModal();
    await user.selectOptions(screen.getByLabelText('Strategy'), '');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('Choose a strategy.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/intents/create/')).toHaveLength(0);
  });

  it('sends the capital as the decimal string typed, shows the loading state, then navigates on 201', async () => {
    const created = deferredReply({ status: 201, body: intentFixture({ intent_id: 'intent-aaaa000011112222', status: 'PENDING' }) });
    const api = mockApi({ ...referenceRoutes(), 'POST /api/intents/create/': created.handler });
    const { user } = await openModal();
    await typeCapital(user, '100.10000001');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));

    expect(await screen.findByRole('button', { name: /Creating plan/ })).toBeDisabled();
    const [call] = api.callsTo('POST', '/api/intents/create/');
    expect(call!.body).toEqual({ strategy_id: 1, symbol: 'BTCUSDT', capital: '100.10000001', timeframe: '15m' });
    expect(typeof (call!.body as { capital: unknown }).capital).toBe('string');
    expect(call!.headers.Authorization).toBe('Bearer access-1');

    created.release();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/trading-intent/intent-aaaa000011112222'));
  });

  it('navigates to the intent on 202 too (the plan is still being computed)', async () => {
    mockApi({
      ...referenceRoutes(),
      'POST /api/intents/create/': { status: 202, body: intentFixture({ intent_id: 'intent-bbbb000011112222', status: 'PLANNING', plan: null }) },
    });
    const { user } = await openModal();
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/trading-intent/intent-bbbb000011112222'));
  });

  it("shows the API's detail on a 400 and stays open", async () => {
    mockApi({
      ...referenceRoutes(),
      'POST /api/intents/create/': { status: 400, body: { detail: "'capital' must be at most 1000000000.", code: 'invalid_field' } },
    });
    const { user } = await openModal();
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("'capital' must be at most 1000000000.");
    expect(screen.getByTestId('location')).toHaveTextContent('/');
    expect(screen.getByRole('button', { name: 'Create plan' })).toBeEnabled();
  });

  it('shows the refusal on a 422 plan_refused with a link to the refused intent', async () => {
    mockApi({
      ...referenceRoutes(),
      'POST /api/intents/create/': {
        status: 422,
        body: { detail: 'No valid stop: the second support is 9.8% away (limit 8%).', code: 'plan_refused', intent_id: 'intent-cccc000011112222' },
      },
    });
    const { user } = await openModal();
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No valid stop: the second support is 9.8% away (limit 8%).');
    await user.click(screen.getByRole('button', { name: 'See the refused plan' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/trading-intent/intent-cccc000011112222'));
  });

  it('says the API is unreachable when the request cannot be sent', async () => {
    mockApi(referenceRoutes());
    const { user } = await openModal();
    const { vi } = await import('vitest');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Cannot reach the Robson API/);
  });
});
