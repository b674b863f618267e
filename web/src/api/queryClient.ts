import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/** A 4xx will not change by asking again; a network error or a 5xx gets one more try. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 1000 },
      mutations: { retry: false },
    },
  });
}
