import { lazy, Suspense } from 'react';
import Alert from 'react-bootstrap/Alert';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../api/client';
import { useIntentAudit } from '../api/intentQueries';
import { useLiveIntentStatus } from '../api/useLiveIntentStatus';
import type { Intent } from '../api/types';
import { AuditTrail } from '../components/AuditTrail';
import { CancelIntentButton } from '../components/CancelIntentButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExecutionPanel } from '../components/ExecutionPanel';
import { ExecutionResults } from '../components/ExecutionResults';
import { IntentStepper } from '../components/IntentStepper';
import { PageHeading } from '../components/PageHeading';
import { PatternSourceCard } from '../components/patterns/PatternSourceCard';
import { StatusBadge } from '../components/StatusBadge';
import { TradingIntentResults } from '../components/TradingIntentResults';
import { useStatusChangeToasts } from '../components/useStatusChangeToasts';
import { formatMoney } from '../lib/decimal';
import { isCancellable, isTerminal } from '../lib/status';
import { formatTime } from '../lib/time';

const IntentChart = lazy(() => import('../components/IntentChart'));

function IntentHeader({ intent }: { intent: Intent }) {
  return (
    <header className="mb-3">
      <div className="d-flex flex-wrap align-items-center gap-2">
        <PageHeading className="mb-0">
          {intent.side ?? ''} {intent.symbol}
        </PageHeading>
        <StatusBadge status={intent.status} />
      </div>
      <p className="text-body-secondary small mb-0">
        {intent.strategy?.name ?? 'Strategy'} · {intent.timeframe} · capital {formatMoney(intent.capital)} · created{' '}
        {formatTime(intent.created_at)} · <span className="font-monospace text-break">{intent.intent_id}</span>
      </p>
    </header>
  );
}

function StatusReason({ intent }: { intent: Intent }) {
  if (!intent.status_reason) return null;
  const bad = intent.status === 'REJECTED' || intent.status === 'FAILED';
  return (
    <Alert variant={bad ? 'danger' : 'info'} className="status-reason">
      {intent.status_reason}
    </Alert>
  );
}

/** /trading-intent/:id — the whole life of one operation, kept current by push or polling. */
export function TradingIntentStatusPage() {
  const { id = '' } = useParams();
  const { statusQuery, push } = useLiveIntentStatus(id);
  const intent = statusQuery.data;
  const audit = useIntentAudit(id, intent?.status);
  useStatusChangeToasts(id, intent?.symbol, intent?.status);

  if (statusQuery.isLoading) {
    return <Spinner animation="border" role="status" aria-label="Loading the operation" />;
  }
  if (!intent) {
    const gone = isNotFound(statusQuery.error);
    return (
      <>
        <PageHeading>{gone ? 'Operation not found' : 'Operation'}</PageHeading>
        <ErrorAlert
          error={statusQuery.error}
          title={gone ? 'This operation does not exist' : undefined}
          onRetry={gone ? undefined : () => void statusQuery.refetch()}
        />
        <Link to="/">Back to the dashboard</Link>
      </>
    );
  }

  const connectionProblem = statusQuery.error && !isNotFound(statusQuery.error);
  return (
    <div className="trading-intent-page" data-intent-id={intent.intent_id} data-status={intent.status} data-push={push}>
      <IntentHeader intent={intent} />
      <IntentStepper intent={intent} />
      {connectionProblem && (
        <Alert variant="warning" role="status" className="mt-3">
          Lost contact with the API; showing the last known state and retrying every 2 s.
        </Alert>
      )}
      {isNotFound(statusQuery.error) && (
        <Alert variant="warning" role="status" className="mt-3">
          This operation is no longer available.
        </Alert>
      )}
      <div className="mt-3">
        <StatusReason intent={intent} />
      </div>
      <Row className="g-4">
        <Col lg={7}>
          {intent.status === 'VALIDATED' && <ExecutionPanel intent={intent} />}
          {(intent.status === 'PLANNING' || intent.status === 'PENDING' || intent.status === 'EXECUTING') && (
            <div className="d-flex align-items-center gap-2 mb-3">
              <Spinner animation="border" size="sm" aria-hidden="true" />
              <span>Working… this page updates by itself.</span>
            </div>
          )}
          {isCancellable(intent.status) && (
            <div className="mb-4">
              <CancelIntentButton intent={intent} />
            </div>
          )}
          {intent.execution_result && <ExecutionResults result={intent.execution_result} />}
          <PatternSourceCard intent={intent} />
          <TradingIntentResults intent={intent} />
        </Col>
        <Col lg={5}>
          <Suspense fallback={<Spinner animation="border" size="sm" role="status" aria-label="Loading the chart" />}>
            <IntentChart intent={intent} />
          </Suspense>
          <AuditTrail entries={audit.data?.results} loading={audit.isLoading} />
          {audit.error && <ErrorAlert error={audit.error} title="The audit trail could not be loaded" />}
        </Col>
      </Row>
      {isTerminal(intent.status) && (
        <p className="mt-2">
          <Link to="/history">See all operations</Link>
        </p>
      )}
    </div>
  );
}

