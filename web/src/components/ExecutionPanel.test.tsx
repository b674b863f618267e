import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExecutionPanel } from './ExecutionPanel';
import { mockApi } from '../test/mockApi';
import { intentFixture } from '../test/fixtures';
import { renderWithProviders } from '../test/render';

const EXECUTE_PATH = '/api/intents/intent-0f3a9c2e7b1d4a56/execute/';
const EXECUTED = {
  intent_id: 'intent-0f3a9c2e7b1d4a56',
  status: 'EXECUTED',
  execution_result: { status: 'SUCCESS', mode: 'LIVE', orders: [], audit_trail: [], error: null, executed_at: '2026-01-01T10:00:05Z' },
};

function renderPanel() {
  const user = userEvent.setup();
  const view = renderWithProviders(<ExecutionPanel intent={intentFixture()} />);
  return { user, ...view };
}

describe('the LIVE acknowledgement', () => {
  it('keeps LIVE disabled until "I understand the risk" is ticked', async () => {
    mockApi({});
    const { user } = renderPanel();
    const live = screen.getByRole('button', { name: 'Execute LIVE…' });
    expect(live).toBeDisabled();
    await user.click(screen.getByLabelText(/I understand the risk/));
    expect(live).toBeEnabled();
    await user.click(screen.getByLabelText(/I understand the risk/));
    expect(live).toBeDisabled();
  });

  it('asks for confirmation with the quantity, entry, stop and maximum loss before sending anything', async () => {
    const api = mockApi({ [`POST ${EXECUTE_PATH}`]: { status: 200, body: EXECUTED } });
    const { user } = renderPanel();
    await user.click(screen.getByLabelText(/I understand the risk/));
    await user.click(screen.getByRole('button', { name: 'Execute LIVE…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Send LIVE orders?' });
    const value = (term: string) => dialog.querySelector(`[data-term="${term}"] dd`)!;
    expect(value('Quantity')).toHaveTextContent('0.000517 BTC');
    expect(value('Entry')).toHaveTextContent('95,432.10 USDT');
    expect(value('Stop')).toHaveTextContent('93,500.00 USDT');
    expect(value('Maximum loss')).toHaveTextContent('0.99871181 USDT');
    expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
    expect(api.callsTo('POST', EXECUTE_PATH)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Confirm LIVE execution' }));
    await waitFor(() => expect(api.callsTo('POST', EXECUTE_PATH)).toHaveLength(1));
    expect(api.callsTo('POST', EXECUTE_PATH)[0]!.body).toEqual({ mode: 'LIVE', acknowledge_risk: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('sends nothing when the person goes back from the confirmation', async () => {
    const api = mockApi({});
    const { user } = renderPanel();
    await user.click(screen.getByLabelText(/I understand the risk/));
    await user.click(screen.getByRole('button', { name: 'Execute LIVE…' }));
    await user.click(await screen.findByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.calls).toHaveLength(0);
  });

  it('falls back to the risk budget as maximum loss when the plan has no planned risk', async () => {
    mockApi({});
    const user = userEvent.setup();
    const intent = intentFixture();
    intent.plan = { ...intent.plan, sizing: { ...intent.plan!.sizing, planned_risk: undefined } };
    renderWithProviders(<ExecutionPanel intent={intent} />);
    await user.click(screen.getByLabelText(/I understand the risk/));
    await user.click(screen.getByRole('button', { name: 'Execute LIVE…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('[data-term="Maximum loss"] dd')).toHaveTextContent('1.00 USDT');
  });
});

describe('DRY-RUN', () => {
  it('executes at once as a DRY_RUN', async () => {
    const api = mockApi({ [`POST ${EXECUTE_PATH}`]: { status: 200, body: { ...EXECUTED, execution_result: { ...EXECUTED.execution_result, mode: 'DRY_RUN' } } } });
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Execute DRY-RUN' }));
    await waitFor(() => expect(api.callsTo('POST', EXECUTE_PATH)).toHaveLength(1));
    expect(api.callsTo('POST', EXECUTE_PATH)[0]!.body).toEqual({ mode: 'DRY_RUN', acknowledge_risk: false });
  });

  it("shows the API's detail when execution is refused", async () => {
    mockApi({ [`POST ${EXECUTE_PATH}`]: { status: 409, body: { detail: 'This intent has already been executed.', code: 'already_executed' } } });
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Execute DRY-RUN' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This intent has already been executed.');
  });
});
