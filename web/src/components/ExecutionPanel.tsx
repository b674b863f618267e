import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Form from 'react-bootstrap/Form';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorDetail } from '../api/client';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { ExecuteResponse, ExecutionMode, Intent, IntentSummary } from '../api/types';
import { LiveConfirmationDialog } from './LiveConfirmationDialog';

interface ExecutionPanelProps {
  /** The whole intent, or a summary (the pending list has summaries: enough to confirm LIVE). */
  intent: Intent | IntentSummary;
  /** The card's heading level: h2 on the intent's page, deeper inside a list. */
  headingAs?: 'h2' | 'h3' | 'h4';
  onExecuted?: (response: ExecuteResponse, mode: ExecutionMode) => void;
}

/** EXECUTE: DRY-RUN at once; LIVE only after "I understand the risk" and a confirmation. */
export function ExecutionPanel({ intent, headingAs = 'h2', onExecuted }: ExecutionPanelProps) {
  const queryClient = useQueryClient();
  const [riskAcknowledged, setRiskAcknowledged] = useState(false);
  const [confirmingLive, setConfirmingLive] = useState(false);

  const execute = useMutation({
    mutationFn: (mode: ExecutionMode) =>
      api.executeIntent(intent.intent_id, { mode, acknowledge_risk: mode === 'LIVE' && riskAcknowledged }),
    onSuccess: ({ data }, mode) => {
      queryClient.setQueryData<Intent>(queryKeys.intentStatus(intent.intent_id), (previous) =>
        previous ? { ...previous, status: data.status, execution_result: data.execution_result } : previous,
      );
      setConfirmingLive(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.intentStatus(intent.intent_id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allIntents });
      onExecuted?.(data, mode);
    },
    onError: () => {
      setConfirmingLive(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.intentStatus(intent.intent_id) });
    },
  });

  const sendingMode = execute.isPending ? execute.variables : null;
  const helpId = `live-risk-help-${intent.intent_id}`;

  return (
    <Card className="mb-4 execution-panel" border="primary">
      <Card.Body>
        <Card.Title as={headingAs} className="h5">
          Execute
        </Card.Title>
        <p className="small">
          <strong>DRY-RUN</strong> records the orders without sending them. <strong>LIVE</strong> sends them to the
          exchange.
        </p>
        {execute.error && (
          <Alert variant="danger" role="alert" className="execute-error">
            {errorDetail(execute.error)}
          </Alert>
        )}
        <div className="d-flex flex-wrap gap-2 mb-3">
          <Button variant="primary" onClick={() => execute.mutate('DRY_RUN')} disabled={execute.isPending}>
            {sendingMode === 'DRY_RUN' && <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />}
            Execute DRY-RUN
          </Button>
          <Button
            variant="danger"
            onClick={() => setConfirmingLive(true)}
            disabled={!riskAcknowledged || execute.isPending}
            aria-describedby={helpId}
          >
            Execute LIVE…
          </Button>
        </div>
        <Form.Check
          type="checkbox"
          id={`acknowledge-risk-${intent.intent_id}`}
          label="I understand the risk: LIVE places real orders and can lose money."
          checked={riskAcknowledged}
          onChange={(e) => setRiskAcknowledged(e.target.checked)}
          disabled={execute.isPending}
        />
        <Form.Text id={helpId}>LIVE stays disabled until you tick the box above.</Form.Text>
      </Card.Body>
      <LiveConfirmationDialog
        intent={intent}
        show={confirmingLive}
        sending={sendingMode === 'LIVE'}
        onCancel={() => setConfirmingLive(false)}
        onConfirm={() => execute.mutate('LIVE')}
      />
    </Card>
  );
}
