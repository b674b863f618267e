import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorDetail } from '../api/client';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { CancelResponse, Intent, IntentSummary } from '../api/types';

interface CancelIntentButtonProps {
  intent: Intent | IntentSummary;
  /** The button's name for assistive technology where several such buttons share a page. */
  accessibleName?: string;
  onCancelled?: (response: CancelResponse) => void;
}

/** Cancel while PLANNING, PENDING or VALIDATED: nothing has been sent yet. */
export function CancelIntentButton({ intent, accessibleName, onCancelled }: CancelIntentButtonProps) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.cancelIntent(intent.intent_id),
    onSuccess: ({ data }) => {
      queryClient.setQueryData<Intent>(queryKeys.intentStatus(intent.intent_id), (previous) =>
        previous ? { ...previous, status: 'CANCELLED', cancelled_at: data.cancelled_at ?? null } : previous,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.intentStatus(intent.intent_id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allIntents });
      onCancelled?.(data);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.intentStatus(intent.intent_id) }),
  });
  return (
    <div className="cancel-intent">
      <Button
        variant="outline-secondary"
        onClick={() => cancel.mutate()}
        disabled={cancel.isPending}
        aria-label={accessibleName}
      >
        {cancel.isPending ? 'Cancelling…' : 'Cancel operation'}
      </Button>
      {cancel.error && (
        <Alert variant="danger" role="alert" className="mt-2 mb-0">
          {errorDetail(cancel.error)}
        </Alert>
      )}
    </div>
  );
}
