import { replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { isNotFound } from './client';
import { api } from './endpoints';
import { queryKeys } from './queryKeys';
import type { HistoryFilters, Intent } from './types';
import { isTerminal, statusRank } from '../lib/status';

export const STATUS_POLL_INTERVAL_MS = 2000;

/**
 * The next poll of an intent's status: every 2 s until the intent is terminal or gone (404),
 * and not at all while server push (SSE) delivers the changes.
 */
export function nextStatusPoll(
  state: { data?: Intent | undefined; error: unknown },
  pushConnected: boolean,
): number | false {
  if (pushConnected) return false;
  if (isNotFound(state.error)) return false;
  if (isTerminal(state.data?.status)) return false;
  return STATUS_POLL_INTERVAL_MS;
}

/** The snapshot to show: the newer one, never one that moves the status backwards. */
export function newestIntent(shown: Intent | undefined, incoming: Intent): Intent {
  if (shown && statusRank(incoming.status) < statusRank(shown.status)) return shown;
  return shown ? replaceEqualDeep(shown, incoming) : incoming;
}

export function useIntentStatus(id: string, pushConnected: boolean) {
  return useQuery({
    queryKey: queryKeys.intentStatus(id),
    queryFn: ({ signal }) => api.intentStatus(id, signal),
    refetchInterval: (query) => nextStatusPoll(query.state, pushConnected),
    retry: false,
    staleTime: 0,
    structuralSharing: (shown, incoming) => newestIntent(shown as Intent | undefined, incoming as Intent),
  });
}

/** The audit rows; fetched again whenever the status moves on (the key holds the status). */
export function useIntentAudit(id: string, status: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.intentAudit(id), status ?? ''] as const,
    queryFn: ({ signal }) => api.intentAudit(id, signal),
    enabled: !!status,
    placeholderData: (previous) => previous,
  });
}

export function useIntentCandles(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.intentCandles(id),
    queryFn: ({ signal }) => api.intentCandles(id, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useIntents(filters: HistoryFilters, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: queryKeys.intents(filters),
    queryFn: ({ signal }) => api.intents(filters, signal),
    placeholderData: (previous) => previous,
    refetchInterval: options.refetchInterval ?? false,
  });
}
