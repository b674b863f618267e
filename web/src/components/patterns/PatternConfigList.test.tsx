import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PatternConfigList } from './PatternConfigList';
import { mockApi, type Handler } from '../../test/mockApi';
import { configFixture, PATTERN_CATALOG, STRATEGIES, SYMBOLS } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import type { PatternConfig } from '../../api/types';

const CONFIGS = '/api/pattern-configs/';

function routes(configs: PatternConfig[], extra: Record<string, Handler | { status: number; body?: unknown }> = {}) {
  return mockApi({
    'GET /api/strategies/': { status: 200, body: STRATEGIES },
    'GET /api/symbols/': { status: 200, body: SYMBOLS },
    'GET /api/patterns/catalog/': { status: 200, body: PATTERN_CATALOG },
    [`GET ${CONFIGS}`]: { status: 200, body: { count: configs.length, results: configs } },
    ...extra,
  });
}

async function renderList() {
  const user = userEvent.setup();
  const view = renderWithProviders(<PatternConfigList />);
  return { user, ...view };
}

async function openNewForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '+ New configuration' }));
  const dialog = await screen.findByRole('dialog', { name: 'New pattern configuration' });
  // The defaults arrive with the lists: All In and the first pattern of the catalog.
  await waitFor(() => expect(within(dialog).getByLabelText('Pattern')).toHaveValue('MA_CROSSOVER'));
  await waitFor(() => expect(within(dialog).getByLabelText('Strategy')).toHaveValue('1'));
  return dialog;
}

async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  if (text) await user.type(field, text);
}

describe('the configuration list', () => {
  it('lists each configuration with its pattern, mode, symbols, timeframes, confidence and capital', async () => {
    routes([
      configFixture(),
      configFixture({ id: 4, pattern: 'HAMMER', mode: 'auto_live', risk_acknowledged_at: '2026-12-02T10:00:00Z', symbols: ['BTCUSDT', 'ETHUSDT'], timeframes: ['1h', '4h'], enabled: false }),
    ]);
    await renderList();
    const list = await screen.findByRole('list', { name: 'Pattern configurations' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('MA_CROSSOVER');
    expect(items[0]).toHaveTextContent('Manual');
    expect(items[0]).toHaveTextContent('70 %');
    expect(items[0]).toHaveTextContent('1,000.00');
    expect(items[1]).toHaveTextContent('Automatic LIVE');
    expect(items[1]).toHaveTextContent('BTCUSDT, ETHUSDT');
    expect(items[1]).toHaveTextContent('1h, 4h');
    expect(items[1]).toHaveTextContent('Disabled');
    expect(within(items[1]!).getByRole('button', { name: 'Edit configuration #4 HAMMER' })).toBeInTheDocument();
  });

  it('says when there is none yet', async () => {
    routes([]);
    await renderList();
    expect(await screen.findByText(/No configuration yet/)).toBeInTheDocument();
  });
});

describe('creating a configuration', () => {
  it('sends the configuration with decimal strings exactly as typed, then lists it', async () => {
    let saved: PatternConfig[] = [];
    const api = routes([], {
      [`GET ${CONFIGS}`]: () => ({ status: 200, body: { count: saved.length, results: saved } }),
      [`POST ${CONFIGS}`]: () => {
        saved = [configFixture({ id: 9, symbols: ['ETHUSDT'], timeframes: ['15m', '1h'], min_confidence: '0.75', capital: '250.50' })];
        return { status: 201, body: saved[0] };
      },
    });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('ETH/USDT'));
    await user.click(within(dialog).getByLabelText('1h'));
    await retype(user, within(dialog).getByLabelText('Minimum confidence'), '0.75');
    await retype(user, within(dialog).getByLabelText('Capital per trade'), '250.50');
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));

    await waitFor(() => expect(api.callsTo('POST', CONFIGS)).toHaveLength(1));
    expect(api.callsTo('POST', CONFIGS)[0]!.body).toEqual({
      strategy_id: 1,
      pattern: 'MA_CROSSOVER',
      symbols: ['ETHUSDT'],
      timeframes: ['15m', '1h'],
      min_confidence: '0.75',
      capital: '250.50',
      mode: 'manual',
      acknowledge_risk: false,
      enabled: true,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Configuration #9 MA_CROSSOVER created.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Edit configuration #9 MA_CROSSOVER' })).toBeInTheDocument();
  });

  it('requires at least one symbol and one timeframe, and sends nothing', async () => {
    const api = routes([]);
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('15m')); // untick the default
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    expect(within(dialog).getByText('Choose at least one symbol.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one timeframe.')).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: 'Symbols' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('BTC/USDT')).toHaveFocus();
    expect(api.callsTo('POST', CONFIGS)).toHaveLength(0);
  });

  it('takes at most 10 timeframes, as the API does', async () => {
    const api = routes([]);
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    for (const timeframe of ['1m', '3m', '5m', '30m', '1h', '2h', '4h', '6h', '8h', '12h']) {
      await user.click(within(dialog).getByLabelText(timeframe));
    }
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    expect(within(dialog).getByText('Choose at most 10 timeframes.')).toBeInTheDocument();
    expect(api.callsTo('POST', CONFIGS)).toHaveLength(0);
  });

  it.each([
    ['Minimum confidence', '1.5', 'The minimum confidence cannot be above 1.'],
    ['Minimum confidence', '', 'Minimum confidence is required.'],
    ['Minimum confidence', '0.7005', 'Use at most 3 decimal places.'],
    ['Capital per trade', '0', 'Capital must be greater than 0.'],
    ['Capital per trade', '12.123456789', 'Use at most 8 decimal places.'],
  ])('refuses %s %j with an inline error', async (label, value, message) => {
    const api = routes([]);
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    await retype(user, within(dialog).getByLabelText(label), value);
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    expect(within(dialog).getByText(message)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(label)).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText(label)).toHaveFocus();
    expect(api.callsTo('POST', CONFIGS)).toHaveLength(0);
  });

  it('shows the API’s error under the field it names', async () => {
    routes([], {
      [`POST ${CONFIGS}`]: { status: 400, body: { detail: "'symbols' has an unknown symbol: DOGEUSDT.", code: 'invalid_field' } },
    });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    const group = await within(dialog).findByRole('group', { name: 'Symbols' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(within(group).getByText("'symbols' has an unknown symbol: DOGEUSDT.")).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The configuration was not saved');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows an error about no one field at the top of the form', async () => {
    routes([], { [`POST ${CONFIGS}`]: { status: 503, body: { detail: 'The database is not available.', code: 'unavailable' } } });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The database is not available.');
  });
});

describe('the LIVE acknowledgement', () => {
  it('warns about Automatic LIVE and refuses it until the risk is acknowledged', async () => {
    const api = routes([], { [`POST ${CONFIGS}`]: { status: 201, body: configFixture({ id: 5, mode: 'auto_live', risk_acknowledged_at: '2026-12-04T11:00:00Z' }) } });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    expect(within(dialog).queryByText(/places real orders without asking you/)).toBeNull();

    await user.click(within(dialog).getByLabelText('Automatic LIVE'));
    expect(within(dialog).getByText('Automatic LIVE places real orders without asking you')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    expect(within(dialog).getByText(/tick the acknowledgement to choose it/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/I understand the risk/)).toHaveFocus();
    expect(api.callsTo('POST', CONFIGS)).toHaveLength(0);

    await user.click(within(dialog).getByLabelText(/I understand the risk/));
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(api.callsTo('POST', CONFIGS)).toHaveLength(1));
    expect(api.callsTo('POST', CONFIGS)[0]!.body).toMatchObject({ mode: 'auto_live', acknowledge_risk: true });
  });

  it('never sends the acknowledgement for the other modes, even if it was ticked before', async () => {
    const api = routes([], { [`POST ${CONFIGS}`]: { status: 201, body: configFixture({ id: 6, mode: 'auto_dry_run' }) } });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    await user.click(within(dialog).getByLabelText('Automatic LIVE'));
    await user.click(within(dialog).getByLabelText(/I understand the risk/));
    await user.click(within(dialog).getByLabelText('Automatic DRY-RUN'));
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(api.callsTo('POST', CONFIGS)).toHaveLength(1));
    expect(api.callsTo('POST', CONFIGS)[0]!.body).toMatchObject({ mode: 'auto_dry_run', acknowledge_risk: false });
  });

  it('shows risk_not_acknowledged from the API under the acknowledgement', async () => {
    routes([], {
      [`POST ${CONFIGS}`]: { status: 400, body: { detail: 'Automatic LIVE needs the risk acknowledged.', code: 'risk_not_acknowledged' } },
    });
    const { user } = await renderList();
    const dialog = await openNewForm(user);
    await user.click(within(dialog).getByLabelText('BTC/USDT'));
    await user.click(within(dialog).getByLabelText('Automatic LIVE'));
    await user.click(within(dialog).getByLabelText(/I understand the risk/));
    await user.click(within(dialog).getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/I understand the risk/)).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getAllByText('Automatic LIVE needs the risk acknowledged.', { exact: false }).length).toBeGreaterThan(0);
  });
});

describe('editing and deleting', () => {
  it('sends only what changed, and the acknowledgement when switching to Automatic LIVE', async () => {
    const api = routes([configFixture()], {
      [`PATCH ${CONFIGS}3/`]: ({ body }) => ({ status: 200, body: configFixture({ ...(body as object), risk_acknowledged_at: '2026-12-04T11:00:00Z' }) }),
    });
    const { user } = await renderList();
    await user.click(await screen.findByRole('button', { name: 'Edit configuration #3 MA_CROSSOVER' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit configuration #3' });
    expect(within(dialog).getByLabelText('BTC/USDT')).toBeChecked();
    expect(within(dialog).getByLabelText('Capital per trade')).toHaveValue('1000');
    await user.click(within(dialog).getByLabelText('ETH/USDT'));
    await user.click(within(dialog).getByLabelText('Automatic LIVE'));
    await user.click(within(dialog).getByLabelText(/I understand the risk/));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.callsTo('PATCH', `${CONFIGS}3/`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `${CONFIGS}3/`)[0]!.body).toEqual({
      symbols: ['BTCUSDT', 'ETHUSDT'],
      mode: 'auto_live',
      acknowledge_risk: true,
    });
    expect(await screen.findByText('Configuration #3 MA_CROSSOVER saved.')).toBeInTheDocument();
  });

  it('does not ask again for a LIVE configuration whose risk was acknowledged', async () => {
    const live = configFixture({ mode: 'auto_live', risk_acknowledged_at: '2026-12-02T10:00:00Z' });
    const api = routes([live], { [`PATCH ${CONFIGS}3/`]: { status: 200, body: { ...live, capital: '500' } } });
    const { user } = await renderList();
    await user.click(await screen.findByRole('button', { name: 'Edit configuration #3 MA_CROSSOVER' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit configuration #3' });
    expect(within(dialog).getByText(/You acknowledged this risk on/)).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/I understand the risk/)).toBeNull();
    await retype(user, within(dialog).getByLabelText('Capital per trade'), '500');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.callsTo('PATCH', `${CONFIGS}3/`)).toHaveLength(1));
    expect(api.callsTo('PATCH', `${CONFIGS}3/`)[0]!.body).toEqual({ capital: '500' });
  });

  it('deletes only after confirmation', async () => {
    let configs = [configFixture(), configFixture({ id: 4, pattern: 'HAMMER' })];
    const api = routes([], {
      [`GET ${CONFIGS}`]: () => ({ status: 200, body: { count: configs.length, results: configs } }),
      [`DELETE ${CONFIGS}4/`]: () => {
        configs = configs.filter((c) => c.id !== 4);
        return { status: 204 };
      },
    });
    const { user } = await renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete configuration #4 HAMMER' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete this configuration?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('DELETE', `${CONFIGS}4/`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete configuration #4 HAMMER' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete this configuration?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.callsTo('DELETE', `${CONFIGS}4/`)).toHaveLength(1));
    expect(await screen.findByText('Configuration #4 HAMMER deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete configuration #4 HAMMER' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Delete configuration #3 MA_CROSSOVER' })).toBeInTheDocument();
  });

  it('shows why a delete failed and keeps the configuration', async () => {
    routes([configFixture()], { [`DELETE ${CONFIGS}3/`]: { status: 404, body: { detail: 'Configuration 3 was not found.', code: 'not_found' } } });
    const { user } = await renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete configuration #3 MA_CROSSOVER' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this configuration?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Configuration 3 was not found.');
  });
});
