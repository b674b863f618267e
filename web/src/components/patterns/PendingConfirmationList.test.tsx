import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PendingConfirmationList } from './PendingConfirmationList';
import { mockApi } from '../../test/mockApi';
import { patternIntentFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import type { Intent } from '../../api/types';

const PENDING = '/api/intents/pending-confirmation/';
const ID = 'intent-aaaa000000000001';
const EXECUTE = `/api/intents/${ID}/execute/`;
const CANCEL = `/api/intents/${ID}/cancel/`;

/** The pending list, which loses an intent once it is executed or cancelled. */
function server(intents: Intent[]) {
  let pending = intents;
  const done = (id: string) => (pending = pending.filter((i) => i.intent_id !== id));
  return mockApi({
    [`GET ${PENDING}`]: () => ({ status: 200, body: { count: pending.length, results: pending } }),
    [`POST ${EXECUTE}`]: ({ body }) => {
      done(ID);
      const mode = (body as { mode: string }).mode;
      return { status: 200, body: { intent_id: ID, status: 'EXECUTED', execution_result: { status: 'SUCCESS', mode, orders: [] } } };
    },
    [`POST ${CANCEL}`]: () => {
      done(ID);
      return { status: 200, body: { intent_id: ID, status: 'CANCELLED', cancelled_at: '2026-12-04T11:00:00Z' } };
    },
  });
}

function renderList() {
  const user = userEvent.setup();
  renderWithProviders(<PendingConfirmationList />);
  return { user };
}

async function pendingItem() {
  const list = await screen.findByRole('list', { name: 'Trades awaiting confirmation, oldest first' });
  return within(list).getByRole('listitem', { name: /BUY BTCUSDT/ });
}

describe('the pending-confirmation list', () => {
  it('shows each pattern-made trade with its pattern, confidence and figures', async () => {
    server([patternIntentFixture(), patternIntentFixture({ intent_id: 'intent-bbbb000000000002', symbol: 'ETHUSDT' })]);
    renderList();
    const item = await pendingItem();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Awaiting your confirmation (2)');
    expect(item).toHaveTextContent('HAMMER, confidence 85 %, trigger candle 2026-12-04 10:15 UTC');
    expect(item.querySelector('[data-term="Entry"] dd')).toHaveTextContent('95,432.1');
    expect(item.querySelector('[data-term="Stop"] dd')).toHaveTextContent('93,500');
    expect(within(item).getByRole('link', { name: 'BUY BTCUSDT' })).toHaveAttribute('href', `/trading-intent/${ID}`);
    expect(within(item).getByRole('button', { name: 'Execute DRY-RUN' })).toBeEnabled();
  });

  it('says when nothing waits', async () => {
    server([]);
    renderList();
    expect(await screen.findByText(/Nothing waits for you/)).toBeInTheDocument();
  });

  it('executes a DRY-RUN at once, then the trade leaves the list and a link to it remains', async () => {
    const api = server([patternIntentFixture()]);
    const { user } = renderList();
    const item = await pendingItem();
    await user.click(within(item).getByRole('button', { name: 'Execute DRY-RUN' }));
    await waitFor(() => expect(api.callsTo('POST', EXECUTE)).toHaveLength(1));
    expect(api.callsTo('POST', EXECUTE)[0]!.body).toEqual({ mode: 'DRY_RUN', acknowledge_risk: false });
    expect(await screen.findByText(/BUY BTCUSDT: DRY-RUN execution done \(EXECUTED\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the operation' })).toHaveAttribute('href', `/trading-intent/${ID}`);
    await waitFor(() => expect(screen.queryByRole('list', { name: /Trades awaiting confirmation/ })).toBeNull());
    expect(screen.getByText(/Nothing waits for you/)).toBeInTheDocument();
  });

  it('keeps LIVE disabled until the risk is acknowledged, and confirms before sending', async () => {
    const api = server([patternIntentFixture()]);
    const { user } = renderList();
    const item = await pendingItem();
    const live = within(item).getByRole('button', { name: 'Execute LIVE…' });
    expect(live).toBeDisabled();
    await user.click(within(item).getByLabelText(/I understand the risk/));
    expect(live).toBeEnabled();
    await user.click(live);
    const dialog = await screen.findByRole('dialog', { name: 'Send LIVE orders?' });
    expect(dialog.querySelector('[data-term="Quantity"] dd')).toHaveTextContent('0.000517 BTC');
    expect(api.callsTo('POST', EXECUTE)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm LIVE execution' }));
    await waitFor(() => expect(api.callsTo('POST', EXECUTE)).toHaveLength(1));
    expect(api.callsTo('POST', EXECUTE)[0]!.body).toEqual({ mode: 'LIVE', acknowledge_risk: true });
    expect(await screen.findByText(/BUY BTCUSDT: LIVE execution done/)).toBeInTheDocument();
  });

  it('cancels a trade, which then leaves the list', async () => {
    const api = server([patternIntentFixture()]);
    const { user } = renderList();
    const item = await pendingItem();
    await user.click(within(item).getByRole('button', { name: 'Cancel operation BUY BTCUSDT' }));
    await waitFor(() => expect(api.callsTo('POST', CANCEL)).toHaveLength(1));
    expect(await screen.findByText(/BUY BTCUSDT cancelled; nothing was sent/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Nothing waits for you/)).toBeInTheDocument());
  });

  it('shows why an execution was refused and keeps the trade', async () => {
    mockApi({
      [`GET ${PENDING}`]: { status: 200, body: { count: 1, results: [patternIntentFixture()] } },
      [`POST ${EXECUTE}`]: { status: 409, body: { detail: 'The intent is not VALIDATED.', code: 'not_validated' } },
    });
    const { user } = renderList();
    const item = await pendingItem();
    await user.click(within(item).getByRole('button', { name: 'Execute DRY-RUN' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('The intent is not VALIDATED.');
  });
});
