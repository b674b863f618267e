import { useEffect, useRef } from 'react';
import type { IntentSummary } from '../api/types';
import { confidencePercent, patternMetadata } from '../lib/patterns';
import { useToast } from './ToastProvider';

/** What the notice says about one pattern-made intent that awaits confirmation. */
export function pendingNotice(intent: IntentSummary): { title: string; body: string } {
  const pattern = patternMetadata(intent)?.pattern;
  const what = `${intent.side ?? ''} ${intent.symbol}`.trim();
  const why = pattern ? `${pattern.kind} (confidence ${confidencePercent(pattern.confidence)})` : 'A chart pattern';
  return {
    title: `${what} awaits your confirmation`,
    body: `${why} on ${intent.timeframe ?? 'the chart'}. Open Patterns to execute or cancel it.`,
  };
}

/**
 * A notice for each pattern-made intent that joins the pending-confirmation list while the app
 * is open. The first answer only records what is already there: no notices on first load.
 */
export function usePendingConfirmationToasts(pending: IntentSummary[] | undefined) {
  const notify = useToast();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!pending) return;
    if (seen.current === null) {
      seen.current = new Set(pending.map((intent) => intent.intent_id));
      return;
    }
    for (const intent of pending) {
      if (seen.current.has(intent.intent_id)) continue;
      seen.current.add(intent.intent_id);
      notify({ ...pendingNotice(intent), variant: 'warning', announce: true });
    }
  }, [pending, notify]);
}
