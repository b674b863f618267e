import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KillSwitchPanel, limitError } from './KillSwitchPanel';
import { mockApi } from '../../test/mockApi';
import { autotriggerFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import type { AutotriggerSettings } from '../../api/types';

const PATH = '/api/autotrigger/';

/** A server that keeps the settings and applies each PUT. */
function server(initial: AutotriggerSettings) {
  let settings = initial;
  const api = mockApi({
    [`GET ${PATH}`]: () => ({ status: 200, body: settings }),
    [`PUT ${PATH}`]: ({ body }) => {
      settings = { ...settings, ...(body as Partial<AutotriggerSettings>), updated_by: 'demo' };
      return { status: 200, body: settings };
    },
  });
  return api;
}

function renderPanel() {
  const user = userEvent.setup();
  renderWithProviders(<KillSwitchPanel />);
  return { user, panel: () => screen.getByRole('region', { name: 'Automatic execution' }) };
}

describe('the kill switch', () => {
  it('shows the state, the daily cap, the cooldown and today’s automatic executions', async () => {
    server(autotriggerFixture({ updated_by: 'user:demo' }));
    const { panel } = renderPanel();
    expect(await screen.findByText('ON')).toBeInTheDocument();
    const fact = (term: string) => panel().querySelector(`[data-term="${term}"] dd`);
    expect(fact('today')).toHaveTextContent('3 of 10');
    expect(fact('daily-cap')).toHaveTextContent('10 per UTC day');
    expect(fact('cooldown')).toHaveTextContent('60 min per symbol');
    expect(fact('updated')).toHaveTextContent(/by demo$/);
  });

  it('stops automatic execution at once, without asking', async () => {
    const api = server(autotriggerFixture());
    const { user, panel } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Stop automatic execution' }));
    await waitFor(() => expect(api.callsTo('PUT', PATH)).toHaveLength(1));
    expect(api.callsTo('PUT', PATH)[0]!.body).toEqual({ enabled: false });
    expect(await within(panel()).findByText('OFF')).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-enabled', 'false');
    expect(screen.getByRole('button', { name: 'Turn automatic execution back on…' })).toBeInTheDocument();
  });

  it('asks before turning automation back on, and sends nothing when the person keeps it off', async () => {
    const api = server(autotriggerFixture({ enabled: false }));
    const { user, panel } = renderPanel();
    expect(await within(panel()).findByText(/kill switch engaged/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Turn automatic execution back on…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Turn automatic execution back on?' });
    expect(dialog).toHaveTextContent('including real LIVE orders');
    expect(within(dialog).getByRole('button', { name: 'Keep it off' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it off' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('PUT', PATH)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Turn automatic execution back on…' }));
    await user.click(await screen.findByRole('button', { name: 'Turn it back on' }));
    await waitFor(() => expect(api.callsTo('PUT', PATH)).toHaveLength(1));
    expect(api.callsTo('PUT', PATH)[0]!.body).toEqual({ enabled: true });
    expect(await within(panel()).findByText('ON')).toBeInTheDocument();
  });

  it('shows the API’s refusal and keeps the shown state', async () => {
    mockApi({
      [`GET ${PATH}`]: { status: 200, body: autotriggerFixture() },
      [`PUT ${PATH}`]: { status: 503, body: { detail: 'The database is not available.', code: 'unavailable' } },
    });
    const { user, panel } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Stop automatic execution' }));
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('The database is not available.');
    expect(panel()).toHaveAttribute('data-enabled', 'true');
  });

  it('says when the settings cannot be loaded', async () => {
    mockApi({ [`GET ${PATH}`]: { status: 500, body: { detail: 'Internal error.', code: 'internal' } } });
    renderPanel();
    expect(await screen.findByText('The kill switch could not be loaded')).toBeInTheDocument();
  });
});

describe('the limits', () => {
  it('saves the daily cap and the cooldown as whole numbers', async () => {
    const api = server(autotriggerFixture());
    const { user, panel } = renderPanel();
    const cap = await screen.findByLabelText('Daily cap');
    await user.clear(cap);
    await user.type(cap, '5');
    await user.clear(screen.getByLabelText('Cooldown (minutes)'));
    await user.type(screen.getByLabelText('Cooldown (minutes)'), '30');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(api.callsTo('PUT', PATH)).toHaveLength(1));
    expect(api.callsTo('PUT', PATH)[0]!.body).toEqual({ daily_cap: 5, cooldown_minutes: 30 });
    await waitFor(() => expect(panel().querySelector('[data-term="today"] dd')).toHaveTextContent('3 of 5'));
  });

  it('refuses a limit that is not a whole number and sends nothing', async () => {
    const api = server(autotriggerFixture());
    const { user } = renderPanel();
    const cap = await screen.findByLabelText('Daily cap');
    await user.clear(cap);
    await user.type(cap, '2.5');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(screen.getByText('The daily cap must be a whole number, 0 or more.')).toBeInTheDocument();
    expect(cap).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PUT', PATH)).toHaveLength(0);
  });

  it('limitError names what is wrong, within the API’s limits', () => {
    expect(limitError('', 'The cooldown', 10080)).toBe('The cooldown is required.');
    expect(limitError('-1', 'The cooldown', 10080)).toBe('The cooldown must be a whole number, 0 or more.');
    expect(limitError('0', 'The cooldown', 10080)).toBeNull();
    expect(limitError('10080', 'The cooldown', 10080)).toBeNull();
    expect(limitError('10081', 'The cooldown', 10080)).toBe('The cooldown must be at most 10080.');
    expect(limitError('99999999999999999999', 'The cooldown', 10080)).toBe('The cooldown must be at most 10080.');
  });

  it('refuses a daily cap above the API’s 1000', async () => {
    const api = server(autotriggerFixture());
    const { user } = renderPanel();
    const cap = await screen.findByLabelText('Daily cap');
    await user.clear(cap);
    await user.type(cap, '1001');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(screen.getByText('The daily cap must be at most 1000.')).toBeInTheDocument();
    expect(api.callsTo('PUT', PATH)).toHaveLength(0);
  });
});
