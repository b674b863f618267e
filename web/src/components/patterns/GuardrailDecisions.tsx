import { useState } from 'react';
import Badge from 'react-bootstrap/Badge';
import Pagination from 'react-bootstrap/Pagination';
import Spinner from 'react-bootstrap/Spinner';
import { Link } from 'react-router-dom';
import { DECISIONS_PAGE_SIZE, useGuardrailDecisions } from '../../api/patternQueries';
import type { GuardrailDecision } from '../../api/types';
import { formatTime } from '../../lib/time';
import { ErrorAlert } from '../ErrorAlert';

const GUARDRAIL_NAMES: Record<string, string> = {
  kill_switch: 'Kill switch',
  daily_cap: 'Daily cap',
  cooldown: 'Cooldown',
  validation: 'Validation',
  min_confidence: 'Minimum confidence',
};

export function guardrailName(guardrail: string): string {
  return GUARDRAIL_NAMES[guardrail] ?? guardrail;
}

function DecisionItem({ decision }: { decision: GuardrailDecision }) {
  return (
    <li className="list-group-item guardrail-decision" data-decision-id={decision.id} data-allowed={String(decision.allowed)}>
      <div className="d-flex flex-wrap align-items-center gap-2">
        <Badge bg={decision.allowed ? 'success' : 'danger'} className="guard-indicator">
          <span aria-hidden="true">{decision.allowed ? '✓ ' : '✗ '}</span>
          {decision.allowed ? 'Allowed' : 'Blocked'}
        </Badge>
        <strong>{guardrailName(decision.guardrail)}</strong>
        <span>{decision.symbol}</span>
        <span className="small text-body-secondary ms-auto">{formatTime(decision.created_at)}</span>
      </div>
      <p className="small mb-0 mt-1">{decision.reason}</p>
      <p className="small mb-0 text-body-secondary">
        {decision.intent_id && (
          <>
            Operation{' '}
            <Link to={`/trading-intent/${encodeURIComponent(decision.intent_id)}`} className="font-monospace text-break">
              {decision.intent_id}
            </Link>
          </>
        )}
        {decision.pattern_id != null && <> · pattern #{decision.pattern_id}</>}
        {decision.config_id != null && <> · configuration #{decision.config_id}</>}
      </p>
    </li>
  );
}

/** Every guardrail decision about an automatic execution, allowed or blocked, newest first. */
export function GuardrailDecisions() {
  const [page, setPage] = useState(1);
  const decisions = useGuardrailDecisions(page);
  const total = decisions.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / DECISIONS_PAGE_SIZE));
  const list = decisions.data?.results ?? [];
  return (
    <section aria-labelledby="decisions-heading" className="mb-4 guardrail-decisions">
      <h2 id="decisions-heading" className="h5">
        Guardrail decisions
      </h2>
      <p className="small text-body-secondary">
        Before an automatic execution Robson checks the kill switch, the daily cap and the cooldown; each check is
        recorded here. A blocked trade waits in “Awaiting your confirmation”.
      </p>
      {decisions.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the decisions" />}
      {decisions.error && (
        <ErrorAlert error={decisions.error} title="The decisions could not be loaded" onRetry={() => void decisions.refetch()} />
      )}
      {decisions.data && list.length === 0 && <p className="small text-body-secondary">No decision yet.</p>}
      {list.length > 0 && (
        <ul className="list-group mb-2" aria-label="Guardrail decisions, newest first">
          {list.map((decision) => (
            <DecisionItem key={decision.id} decision={decision} />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Guardrail decision pages">
          <Pagination size="sm" className="flex-wrap">
            <Pagination.Prev disabled={page <= 1} onClick={() => setPage(page - 1)} aria-label="Previous page" />
            <Pagination.Item active aria-current="page">
              {page} / {pages}
            </Pagination.Item>
            <Pagination.Next disabled={page >= pages} onClick={() => setPage(page + 1)} aria-label="Next page" />
          </Pagination>
        </nav>
      )}
    </section>
  );
}
