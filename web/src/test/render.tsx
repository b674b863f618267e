import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { ToastProvider } from '../components/ToastProvider';
import { tokenStore } from '../auth/tokenStore';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 }, mutations: { retry: false } } });
}

/** Shows where the router is, so tests can assert navigation. */
export function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}

interface Options {
  route?: string;
  path?: string;
  signedIn?: boolean;
  extraRoutes?: ReactElement;
}

export function renderWithProviders(ui: ReactElement, { route = '/', path = '/', signedIn = true, extraRoutes }: Options = {}) {
  if (signedIn) tokenStore.set({ access: 'access-1', refresh: 'refresh-1', username: 'demo' });
  const queryClient = testQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={ui} />
            {path !== '/trading-intent/:id' && <Route path="/trading-intent/:id" element={<div>intent page</div>} />}
            <Route path="/login" element={<div>login page</div>} />
            {extraRoutes}
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
