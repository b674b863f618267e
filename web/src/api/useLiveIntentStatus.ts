import { useEffect, useState } from 'react';
import { isNotFound } from './client';
import { useIntentStatus } from './intentQueries';
import { useIntentEvents } from './useIntentEvents';
import { isTerminal } from '../lib/status';

/**
 * An intent's status kept current: Server-Sent Events while the intent can still change and
 * the endpoint answers, else polling every 2 s; both stop once the intent is terminal or gone.
 */
export function useLiveIntentStatus(id: string) {
  const [pushOpen, setPushOpen] = useState(false);
  const statusQuery = useIntentStatus(id, pushOpen);
  const status = statusQuery.data?.status;
  const canChange = !!id && !!status && !isTerminal(status) && !isNotFound(statusQuery.error);
  const push = useIntentEvents(id, canChange);
  useEffect(() => setPushOpen(push === 'open'), [push]);
  return { statusQuery, push };
}
