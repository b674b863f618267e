import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Spinner from 'react-bootstrap/Spinner';
import { Link } from 'react-router-dom';
import { usePendingConfirmation } from '../../api/patternQueries';
import type { IntentSummary } from '../../api/types';
import { formatDecimal, formatMoney } from '../../lib/decimal';
import { confidencePercent, formatCandleTime, patternMetadata } from '../../lib/patterns';
import { formatTime } from '../../lib/time';
import { CancelIntentButton } from '../CancelIntentButton';
import { ErrorAlert } from '../ErrorAlert';
import { ExecutionPanel } from '../ExecutionPanel';

interface Outcome {
  intentId: string;
  text: string;
}

const intentLink = (id: string) => `/trading-intent/${encodeURIComponent(id)}`;

function PendingItem({ intent, onOutcome }: { intent: IntentSummary; onOutcome: (outcome: Outcome) => void }) {
  const pattern = patternMetadata(intent)?.pattern;
  const what = `${intent.side ?? ''} ${intent.symbol}`.trim();
  const headingId = `pending-${intent.intent_id}-heading`;
  return (
    <li className="card mb-3 pending-intent" data-intent-id={intent.intent_id} aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="h6 mb-1">
          <Link to={intentLink(intent.intent_id)}>{what}</Link>{' '}
          <span className="text-body-secondary fw-normal">
            · {intent.timeframe} · {intent.strategy?.name ?? 'Strategy'}
          </span>
        </h3>
        <p className="small mb-2">
          {pattern ? (
            <>
              <strong>{pattern.kind}</strong>, confidence {confidencePercent(pattern.confidence)}
              {pattern.trigger_open_time ? `, trigger candle ${formatCandleTime(pattern.trigger_open_time)}` : ''}
            </>
          ) : (
            'Made by a chart pattern'
          )}
          {' · validated '}
          {formatTime(intent.validated_at)}
        </p>
        <dl className="config-facts small mb-3">
          <div data-term="Capital">
            <dt>Capital</dt>
            <dd className="font-monospace">{formatMoney(intent.capital)}</dd>
          </div>
          <div data-term="Entry">
            <dt>Entry</dt>
            <dd className="font-monospace">{formatDecimal(intent.entry_price)}</dd>
          </div>
          <div data-term="Stop">
            <dt>Stop</dt>
            <dd className="font-monospace">{formatDecimal(intent.stop_price)}</dd>
          </div>
          <div data-term="Quantity">
            <dt>Quantity</dt>
            <dd className="font-monospace">{formatDecimal(intent.quantity)}</dd>
          </div>
          <div data-term="Risk">
            <dt>Risk</dt>
            <dd className="font-monospace">{formatMoney(intent.risk_amount)}</dd>
          </div>
        </dl>
        <ExecutionPanel
          intent={intent}
          headingAs="h4"
          onExecuted={(response, mode) =>
            onOutcome({
              intentId: intent.intent_id,
              text: `${what}: ${mode === 'LIVE' ? 'LIVE' : 'DRY-RUN'} execution ${response.status === 'EXECUTED' ? 'done' : 'started'} (${response.status}).`,
            })
          }
        />
        <CancelIntentButton
          intent={intent}
          accessibleName={`Cancel operation ${what}`}
          onCancelled={() => onOutcome({ intentId: intent.intent_id, text: `${what} cancelled; nothing was sent.` })}
        />
      </div>
    </li>
  );
}

/** Pattern-made trades that passed validation and wait for the person: execute or cancel. */
export function PendingConfirmationList() {
  const pending = usePendingConfirmation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const list = pending.data?.results ?? [];
  return (
    <section aria-labelledby="pending-heading" className="mb-4 pending-confirmation">
      <h2 id="pending-heading" className="h5">
        Awaiting your confirmation {pending.data ? <span className="text-body-secondary">({pending.data.count})</span> : null}
      </h2>
      <div role="status">
        {outcome && (
          <Alert variant="success" className="py-2 small pending-outcome" dismissible onClose={() => setOutcome(null)}>
            {outcome.text} <Link to={intentLink(outcome.intentId)}>Open the operation</Link>
          </Alert>
        )}
      </div>
      {pending.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the pending trades" />}
      {pending.error && !pending.data && (
        <ErrorAlert error={pending.error} title="The pending trades could not be loaded" onRetry={() => void pending.refetch()} />
      )}
      {pending.data && list.length === 0 && (
        <p className="text-body-secondary small">Nothing waits for you. Pattern trades in manual mode appear here.</p>
      )}
      {list.length > 0 && (
        <ul className="list-unstyled mb-0" aria-label="Trades awaiting confirmation, oldest first">
          {list.map((intent) => (
            <PendingItem key={intent.intent_id} intent={intent} onOutcome={setOutcome} />
          ))}
        </ul>
      )}
    </section>
  );
}
