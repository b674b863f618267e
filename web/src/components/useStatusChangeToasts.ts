import { useEffect, useRef } from 'react';
import type { IntentStatus } from '../api/types';
import { statusExplanation } from '../lib/status';
import { useToast, type ToastMessage } from './ToastProvider';

const TOAST_VARIANT: Record<IntentStatus, ToastMessage['variant']> = {
  PLANNING: 'secondary',
  PENDING: 'secondary',
  VALIDATED: 'primary',
  EXECUTING: 'info',
  EXECUTED: 'success',
  REJECTED: 'danger',
  FAILED: 'danger',
  CANCELLED: 'dark',
};

/** A toast each time the intent's status changes while the page is open (not on first load). */
export function useStatusChangeToasts(intentId: string, symbol: string | undefined, status: IntentStatus | undefined) {
  const notify = useToast();
  const previous = useRef<{ id: string; status: IntentStatus } | null>(null);
  useEffect(() => {
    if (!status) return;
    const before = previous.current;
    previous.current = { id: intentId, status };
    if (!before || before.id !== intentId || before.status === status) return;
    notify({
      title: `${symbol ?? 'Operation'}: ${status}`,
      body: statusExplanation(status),
      variant: TOAST_VARIANT[status],
    });
  }, [intentId, symbol, status, notify]);
}
