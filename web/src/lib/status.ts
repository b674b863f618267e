import type { GuardStatus, IntentStatus } from '../api/types';

export const ALL_STATUSES: IntentStatus[] = [
  'PLANNING',
  'PENDING',
  'VALIDATED',
  'EXECUTING',
  'EXECUTED',
  'REJECTED',
  'FAILED',
  'CANCELLED',
];

const TERMINAL: ReadonlySet<IntentStatus> = new Set(['REJECTED', 'EXECUTED', 'FAILED', 'CANCELLED']);
const CANCELLABLE: ReadonlySet<IntentStatus> = new Set(['PLANNING', 'PENDING', 'VALIDATED']);

export function isTerminal(status: IntentStatus | undefined | null): boolean {
  return !!status && TERMINAL.has(status);
}

export function isCancellable(status: IntentStatus | undefined | null): boolean {
  return !!status && CANCELLABLE.has(status);
}

/** Bootstrap colours chosen so that white or dark text keeps WCAG AA contrast. */
export function statusVariant(status: IntentStatus): { bg: string; text: 'light' | 'dark' } {
  switch (status) {
    case 'EXECUTED':
      return { bg: 'success', text: 'light' };
    case 'VALIDATED':
      return { bg: 'primary', text: 'light' };
    case 'EXECUTING':
      return { bg: 'info', text: 'dark' };
    case 'PLANNING':
    case 'PENDING':
      return { bg: 'secondary', text: 'light' };
    case 'REJECTED':
    case 'FAILED':
      return { bg: 'danger', text: 'light' };
    case 'CANCELLED':
      return { bg: 'dark', text: 'light' };
  }
}

export function statusLabel(status: IntentStatus): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

export function guardVariant(status: GuardStatus | string): { bg: string; text: 'light' | 'dark'; symbol: string } {
  switch (status) {
    case 'PASS':
      return { bg: 'success', text: 'light', symbol: '✓' };
    case 'WARNING':
      return { bg: 'warning', text: 'dark', symbol: '!' };
    default:
      return { bg: 'danger', text: 'light', symbol: '✗' };
  }
}

/** What each status means for the trader, one sentence. */
export function statusExplanation(status: IntentStatus): string {
  switch (status) {
    case 'PLANNING':
      return 'Robson is reading the chart and working out the stop and the position size.';
    case 'PENDING':
      return 'The plan is ready; the guards are checking it against your account and the market.';
    case 'VALIDATED':
      return 'Every guard passed. Review the plan, then execute it as a DRY-RUN or LIVE.';
    case 'EXECUTING':
      return 'The orders are being sent.';
    case 'EXECUTED':
      return 'Done. The orders are listed below (a DRY-RUN records them without sending them).';
    case 'REJECTED':
      return 'Robson refused this plan; nothing was sent to the exchange.';
    case 'FAILED':
      return 'This operation failed; see the reason below.';
    case 'CANCELLED':
      return 'This operation was cancelled; nothing was sent to the exchange.';
  }
}

/**
 * How far along the state machine a status is. Every transition moves forward
 * (PLANNING → PENDING → VALIDATED → EXECUTING → terminal), so a snapshot with a lower rank than
 * the one shown is stale: a response that left the server before a pushed event.
 */
export function statusRank(status: IntentStatus): number {
  switch (status) {
    case 'PLANNING':
      return 0;
    case 'PENDING':
      return 1;
    case 'VALIDATED':
      return 2;
    case 'EXECUTING':
      return 3;
    default:
      return 4;
  }
}
