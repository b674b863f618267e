import { useQuery } from '@tanstack/react-query';
import { api } from './endpoints';
import { queryKeys } from './queryKeys';

export function useStrategies(enabled = true) {
  return useQuery({
    queryKey: queryKeys.strategies,
    queryFn: ({ signal }) => api.strategies(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSymbols(enabled = true) {
  return useQuery({
    queryKey: queryKeys.symbols,
    queryFn: ({ signal }) => api.symbols(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
