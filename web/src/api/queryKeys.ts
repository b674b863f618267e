import type { HistoryFilters } from './types';

export const queryKeys = {
  strategies: ['strategies'] as const,
  symbols: ['symbols'] as const,
  intentStatus: (id: string) => ['intent', id, 'status'] as const,
  intentAudit: (id: string) => ['intent', id, 'audit'] as const,
  intentCandles: (id: string) => ['intent', id, 'candles'] as const,
  intents: (filters: HistoryFilters) => ['intents', filters] as const,
  allIntents: ['intents'] as const,
};
