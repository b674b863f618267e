import type { HistoryFilters, PatternFilters } from './types';

export const queryKeys = {
  strategies: ['strategies'] as const,
  symbols: ['symbols'] as const,
  intentStatus: (id: string) => ['intent', id, 'status'] as const,
  intentAudit: (id: string) => ['intent', id, 'audit'] as const,
  intentCandles: (id: string) => ['intent', id, 'candles'] as const,
  intents: (filters: HistoryFilters) => ['intents', filters] as const,
  allIntents: ['intents'] as const,
  // Under 'intents', so whatever refreshes the intents (execute, cancel) refreshes this too.
  pendingConfirmation: ['intents', 'pending-confirmation'] as const,
  // endTime null is the latest window; each end time is a window of its own.
  candles: (symbol: string, interval: string, endTime: number | null) => ['candles', symbol, interval, endTime] as const,
  patternCatalog: ['patterns', 'catalog'] as const,
  patterns: (filters: PatternFilters) => ['patterns', 'feed', filters] as const,
  pattern: (id: number) => ['patterns', 'one', id] as const,
  patternConfigs: ['pattern-configs'] as const,
  autotrigger: ['autotrigger'] as const,
  guardrailDecisions: (page: number) => ['autotrigger', 'decisions', page] as const,
};
