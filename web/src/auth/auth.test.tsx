import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { AppRoutes } from '../App';
import { apiGet } from '../api/client';
import { ToastProvider } from '../components/ToastProvider';
import { mockApi } from '../test/mockApi';
import { testQueryClient } from '../test/render';
import { tokenStore } from './tokenStore';

const RECENT = '/api/intents/?page=1&page_size=10';
const EMPTY_PAGE = { count: 0, page: 1, page_size: 10, results: [] };

function renderApp(route: string) {
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <ToastProvider>
        <MemoryRouter initialEntries={[route]}>
          <AppRoutes />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe('login', () => {
  it('stores the token pair and opens the dashboard', async () => {
    const api = mockApi({
      'POST /api/auth/token/': { status: 200, body: { access: 'acc', refresh: 'ref', token_type: 'Bearer', expires_in: 900 } },
      [`GET ${RECENT}`]: { status: 200, body: EMPTY_PAGE },
    });
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(screen.getByLabelText('Username'), 'demo');
    await user.type(screen.getByLabelText('Password'), 'robson-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(tokenStore.get()).toMatchObject({ access: 'acc', refresh: 'ref', username: 'demo' });
    expect(api.callsTo('POST', '/api/auth/token/')[0]!.body).toEqual({ username: 'demo', password: 'robson-demo' });
    expect(api.callsTo('POST', '/api/auth/token/')[0]!.headers.Authorization).toBeUndefined();
  });

  it("shows the API's detail for wrong credentials", async () => {
    mockApi({ 'POST /api/auth/token/': { status: 401, body: { detail: 'The username or password is wrong.', code: 'invalid_credentials' } } });
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(screen.getByLabelText('Username'), 'demo');
    await user.type(screen.getByLabelText('Password'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is wrong.');
    expect(tokenStore.get()).toBeNull();
  });

  it('sends a signed-out person to the login page', async () => {
    mockApi({});
    renderApp('/history');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('token refresh and expiry', () => {
  it('refreshes an expired access token once and repeats the request with the new one', async () => {
    tokenStore.set({ access: 'old', refresh: 'ref' });
    let statusCalls = 0;
    const api = mockApi({
      'GET /api/strategies/': ({ headers }) => {
        statusCalls++;
        return headers.Authorization === 'Bearer new'
          ? { status: 200, body: { count: 0, results: [] } }
          : { status: 401, body: { detail: 'The access token has expired.', code: 'token_expired' } };
      },
      'POST /api/auth/token/refresh/': { status: 200, body: { access: 'new', token_type: 'Bearer', expires_in: 900 } },
    });
    await expect(apiGet('/api/strategies/')).resolves.toEqual({ count: 0, results: [] });
    expect(statusCalls).toBe(2);
    expect(api.callsTo('POST', '/api/auth/token/refresh/')[0]!.body).toEqual({ refresh: 'ref' });
    expect(tokenStore.accessToken()).toBe('new');
  });

  it('shares one refresh between concurrent requests', async () => {
    tokenStore.set({ access: 'old', refresh: 'ref' });
    const api = mockApi({
      'GET /api/strategies/': ({ headers }) =>
        headers.Authorization === 'Bearer new' ? { status: 200, body: { count: 0, results: [] } } : { status: 401, body: { detail: 'expired', code: 'token_expired' } },
      'GET /api/symbols/': ({ headers }) =>
        headers.Authorization === 'Bearer new' ? { status: 200, body: { count: 0, results: [] } } : { status: 401, body: { detail: 'expired', code: 'token_expired' } },
      'POST /api/auth/token/refresh/': { status: 200, body: { access: 'new' } },
    });
    await Promise.all([apiGet('/api/strategies/'), apiGet('/api/symbols/')]);
    expect(api.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, and the page goes back to login', async () => {
    tokenStore.set({ access: 'old', refresh: 'stale' });
    mockApi({
      [`GET ${RECENT}`]: { status: 401, body: { detail: 'expired', code: 'token_expired' } },
      'POST /api/auth/token/refresh/': { status: 401, body: { detail: 'The refresh token has expired.', code: 'token_expired' } },
    });
    renderApp('/');
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
    expect(tokenStore.get()).toBeNull();
  });

  it('sends the person back to login on any other 401', async () => {
    tokenStore.set({ access: 'forged', refresh: 'ref' });
    const api = mockApi({ [`GET ${RECENT}`]: { status: 401, body: { detail: 'The token is not valid.', code: 'invalid_token' } } });
    renderApp('/');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(tokenStore.get()).toBeNull());
    expect(api.callsTo('POST', '/api/auth/token/refresh/')).toHaveLength(0);
  });
});
