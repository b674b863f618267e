import Card from 'react-bootstrap/Card';
import Spinner from 'react-bootstrap/Spinner';
import { Link } from 'react-router-dom';
import { useIntents } from '../api/intentQueries';
import { StartOperationButton } from '../components/AppLayout';
import { ErrorAlert } from '../components/ErrorAlert';
import { IntentsTable } from '../components/IntentsTable';
import { PageHeading } from '../components/PageHeading';
import { isTerminal } from '../lib/status';

const RECENT = { page: 1, page_size: 10 };

export function DashboardPage() {
  const recent = useIntents(RECENT, { refetchInterval: 5000 });
  const intents = recent.data?.results ?? [];
  const anyInProgress = intents.some((intent) => !isTerminal(intent.status));

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <PageHeading className="mb-0">Dashboard</PageHeading>
        <StartOperationButton className="btn-lg start-operation-cta" />
      </div>
      <Card className="mb-4 workflow-card">
        <Card.Body>
          <ol className="workflow-steps mb-0">
            <li>
              <strong>Plan</strong> — choose a strategy, a symbol and your capital. Robson finds the technical stop and
              sizes the position so a stop-out loses at most the strategy’s risk.
            </li>
            <li>
              <strong>Validate</strong> — five guards check the plan against your account and the market.
            </li>
            <li>
              <strong>Execute</strong> — DRY-RUN first; LIVE only when you say so.
            </li>
          </ol>
        </Card.Body>
      </Card>
      <section aria-labelledby="recent-heading">
        <div className="d-flex justify-content-between align-items-baseline">
          <h2 id="recent-heading" className="h5">
            Recent operations {anyInProgress && <Spinner animation="grow" size="sm" aria-label="Some operations are in progress" />}
          </h2>
          <Link to="/history">Full history</Link>
        </div>
        {recent.isLoading && <Spinner animation="border" role="status" aria-label="Loading recent operations" />}
        {recent.error && <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />}
        {recent.data && intents.length === 0 && (
          <p className="text-body-secondary">No operations yet. Start one to see Robson’s plan.</p>
        )}
        {intents.length > 0 && <IntentsTable intents={intents} caption="Recent operations" />}
      </section>
    </>
  );
}
