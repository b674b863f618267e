import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { tokenStore } from '../auth/tokenStore';
import { api } from './endpoints';
import { newestIntent } from './intentQueries';
import { queryKeys } from './queryKeys';
import type { Intent } from './types';
import { isTerminal } from '../lib/status';

export type PushState = 'connecting' | 'open' | 'unavailable' | 'closed';

/**
 * Server push of an intent's status: GET /api/intents/:id/events/ (Server-Sent Events, each
 * event's data the status JSON). Every event replaces the cached status, so the page follows
 * within milliseconds. When the endpoint is missing (404), errors or the browser has no
 * EventSource, the state becomes 'unavailable' and the 2 s polling carries on silently.
 */
export function useIntentEvents(id: string, enabled: boolean): PushState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<PushState>('connecting');

  useEffect(() => {
    if (!enabled) {
      setState('closed');
      return;
    }
    const token = tokenStore.accessToken();
    if (typeof EventSource === 'undefined' || !token) {
      setState('unavailable');
      return;
    }
    let source: EventSource | null = new EventSource(api.intentEventsUrl(id, token));
    setState('connecting');

    const close = (next: PushState) => {
      source?.close();
      source = null;
      setState(next);
    };
    const onStatus = (event: MessageEvent<string>) => {
      let intent: Intent;
      try {
        intent = JSON.parse(event.data) as Intent;
      } catch {
        return;
      }
      if (!intent || typeof intent.status !== 'string') return;
      queryClient.setQueryData<Intent>(queryKeys.intentStatus(id), (previous) =>
        newestIntent(previous, previous ? { ...previous, ...intent } : intent),
      );
      if (isTerminal(intent.status)) close('closed');
    };

    source.onopen = () => {
      setState('open');
      // Anything that changed between the first fetch and the stream opening.
      void queryClient.invalidateQueries({ queryKey: queryKeys.intentStatus(id) });
    };
    source.onmessage = onStatus;
    source.addEventListener('status', onStatus as EventListener);
    source.onerror = () => close('unavailable');

    return () => {
      source?.close();
      source = null;
    };
  }, [id, enabled, queryClient]);

  return state;
}
