// Query hooks of the pattern scanner's endpoints (docs/decisions/0005-pattern-scanner.md).
import { useQuery } from '@tanstack/react-query';
import { isNotFound } from './client';
import { api } from './endpoints';
import { queryKeys } from './queryKeys';
import type { PatternFilters, PatternInstance } from './types';

/** New patterns appear at candle closes (1 min at the shortest), so 15 s is prompt enough. */
export const PATTERN_POLL_MS = 15_000;
/** The pending list feeds the nav badge and the "awaits confirmation" notice. */
export const PENDING_POLL_MS = 10_000;
export const DECISIONS_PAGE_SIZE = 20;

/**
 * Poll every `ms` unless the endpoint answered 404: an API without the scanner (an older
 * server) would otherwise be asked again and again for something it does not have.
 */
export function pollUnlessMissing(ms: number) {
  return (query: { state: { error: Error | null } }): number | false => (isNotFound(query.state.error) ? false : ms);
}

export function usePatternCatalog() {
  return useQuery({
    queryKey: queryKeys.patternCatalog,
    queryFn: ({ signal }) => api.patternCatalog(signal),
    staleTime: 10 * 60_000,
  });
}

export function usePatternConfigs() {
  return useQuery({
    queryKey: queryKeys.patternConfigs,
    queryFn: ({ signal }) => api.patternConfigs(signal),
  });
}

export function usePatterns(filters: PatternFilters) {
  return useQuery({
    queryKey: queryKeys.patterns(filters),
    queryFn: ({ signal }) => api.patterns(filters, signal),
    placeholderData: (previous) => previous,
    refetchInterval: pollUnlessMissing(PATTERN_POLL_MS),
  });
}

/** One instance; `shown` (its row of the feed) fills in while it loads. */
export function usePattern(id: number | null, shown: PatternInstance | undefined) {
  return useQuery({
    queryKey: queryKeys.pattern(id ?? 0),
    queryFn: ({ signal }) => api.pattern(id!, signal),
    enabled: id !== null,
    placeholderData: shown,
    refetchInterval: pollUnlessMissing(PATTERN_POLL_MS),
  });
}

export function usePendingConfirmation() {
  return useQuery({
    queryKey: queryKeys.pendingConfirmation,
    queryFn: ({ signal }) => api.pendingConfirmation(signal),
    refetchInterval: pollUnlessMissing(PENDING_POLL_MS),
  });
}

export function useAutotrigger() {
  return useQuery({
    queryKey: queryKeys.autotrigger,
    queryFn: ({ signal }) => api.autotrigger(signal),
    refetchInterval: pollUnlessMissing(PATTERN_POLL_MS),
  });
}

export function useGuardrailDecisions(page: number) {
  return useQuery({
    queryKey: queryKeys.guardrailDecisions(page),
    queryFn: ({ signal }) => api.guardrailDecisions(page, DECISIONS_PAGE_SIZE, signal),
    placeholderData: (previous) => previous,
    refetchInterval: pollUnlessMissing(PATTERN_POLL_MS),
  });
}

/** The latest candles, or with `endTime` (epoch ms) those opened at or before it. */
export function useCandles(symbol: string, interval: string, endTime: number | null = null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.candles(symbol, interval, endTime),
    queryFn: ({ signal }) => api.candles(symbol, interval, endTime, signal),
    enabled: enabled && !!symbol && !!interval,
    staleTime: 60_000,
  });
}
