import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GuardrailDecisions } from './GuardrailDecisions';
import { mockApi } from '../../test/mockApi';
import { decisionFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';

const PATH = '/api/autotrigger/decisions/';

describe('the guardrail decisions', () => {
  it('lists each decision, allowed or blocked, with its guardrail, symbol, reason and links', async () => {
    mockApi({
      [`GET ${PATH}`]: {
        status: 200,
        body: {
          count: 2,
          page: 1,
          page_size: 20,
          results: [
            decisionFixture(),
            decisionFixture({ id: 2, guardrail: 'kill_switch', allowed: true, reason: 'Automatic execution is on.', intent_id: null }),
          ],
        },
      },
    });
    renderWithProviders(<GuardrailDecisions />);
    const list = await screen.findByRole('list', { name: 'Guardrail decisions, newest first' });
    const [blocked, allowed] = within(list).getAllByRole('listitem');
    expect(blocked).toHaveTextContent('Blocked');
    expect(blocked).toHaveTextContent('Cooldown');
    expect(blocked).toHaveTextContent('BTCUSDT');
    expect(blocked).toHaveTextContent('the cooldown is 60 minutes');
    expect(blocked).toHaveTextContent('pattern #17 · configuration #3');
    expect(within(blocked!).getByRole('link', { name: 'intent-aaaa000000000001' })).toHaveAttribute(
      'href',
      '/trading-intent/intent-aaaa000000000001',
    );
    expect(allowed).toHaveTextContent('Allowed');
    expect(allowed).toHaveTextContent('Kill switch');
    expect(within(allowed!).queryByRole('link')).toBeNull();
  });

  it('asks for the next page', async () => {
    const api = mockApi({
      [`GET ${PATH}`]: ({ url }) => {
        const page = Number(new URL(url, 'http://robson.test').searchParams.get('page'));
        return { status: 200, body: { count: 25, page, page_size: 20, results: [decisionFixture({ id: page })] } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<GuardrailDecisions />);
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(api.callsTo('GET', PATH).at(-1)!.url).toBe(`${PATH}?page=2&page_size=20`));
    expect(await screen.findByText('2 / 2')).toBeInTheDocument();
  });

  it('says when there is none yet', async () => {
    mockApi({ [`GET ${PATH}`]: { status: 200, body: { count: 0, page: 1, page_size: 20, results: [] } } });
    renderWithProviders(<GuardrailDecisions />);
    expect(await screen.findByText('No decision yet.')).toBeInTheDocument();
  });
});
