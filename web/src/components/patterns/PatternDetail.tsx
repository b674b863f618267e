import { lazy, Suspense, useEffect, useRef } from 'react';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Spinner from 'react-bootstrap/Spinner';
import { Link } from 'react-router-dom';
import { usePattern } from '../../api/patternQueries';
import type { PatternInstance } from '../../api/types';
import { formatDecimal } from '../../lib/decimal';
import { STATE_EXPLANATION, confidencePercent, formatCandleTime } from '../../lib/patterns';
import { formatTime } from '../../lib/time';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../StatusBadge';
import { DirectionBadge, PatternStateBadge } from './PatternBadges';

const PatternChart = lazy(() => import('./PatternChart'));

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="risk-grid__row" data-term={term}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One pattern instance: the chart, why it was found, how sure, where it stands, what it made. */
export function PatternDetail({
  id,
  shown,
  focusOnOpen,
  onClose,
}: {
  id: number;
  /** Its row of the feed, shown while the instance itself loads. */
  shown: PatternInstance | undefined;
  /** Move the focus to the heading when the selection changes (it was chosen by the person). */
  focusOnOpen: boolean;
  onClose: () => void;
}) {
  const query = usePattern(id, shown);
  const instance = query.data;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingReady = !!instance;
  useEffect(() => {
    if (focusOnOpen && headingReady) heading.current?.focus();
  }, [id, focusOnOpen, headingReady]);

  return (
    <Card as="section" aria-labelledby="pattern-detail-heading" className="mb-4 pattern-detail" data-pattern-id={id}>
      <Card.Body>
        <div className="d-flex justify-content-between align-items-start gap-2">
          <h2 id="pattern-detail-heading" className="h5" tabIndex={-1} ref={heading}>
            {instance ? `${instance.pattern} · ${instance.symbol} ${instance.timeframe}` : `Pattern #${id}`}
          </h2>
          <Button variant="outline-secondary" size="sm" onClick={onClose}>
            Close details
          </Button>
        </div>
        {query.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the pattern" />}
        {query.error && !instance && <ErrorAlert error={query.error} title="The pattern could not be loaded" />}
        {instance && (
          <>
            <Suspense fallback={<Spinner animation="border" size="sm" role="status" aria-label="Loading the chart" />}>
              <PatternChart instance={instance} />
            </Suspense>
            {instance.explanation && <p className="pattern-explanation">{instance.explanation}</p>}
            <dl className="risk-grid mb-3">
              <Fact term="State">
                <PatternStateBadge state={instance.state} />{' '}
                <span className="small">{STATE_EXPLANATION[instance.state] ?? ''}</span>
              </Fact>
              <Fact term="Direction">
                <DirectionBadge direction={instance.direction} />
              </Fact>
              <Fact term="Confidence">
                {confidencePercent(instance.confidence)} <span className="text-body-secondary small">({instance.confidence})</span>
              </Fact>
              <Fact term="Trigger candle">
                {formatCandleTime(instance.trigger_open_time)}
                {instance.trigger_candle && (
                  <span className="d-block small font-monospace trigger-ohlc">
                    O {formatDecimal(instance.trigger_candle.open)} · H {formatDecimal(instance.trigger_candle.high)} · L{' '}
                    {formatDecimal(instance.trigger_candle.low)} · C {formatDecimal(instance.trigger_candle.close)}
                  </span>
                )}
              </Fact>
              <Fact term="Confirmation level">
                <span className="font-monospace">{formatDecimal(instance.confirmation_level)}</span>
              </Fact>
              <Fact term="Invalidation level">
                <span className="font-monospace">{formatDecimal(instance.invalidation_level)}</span>
              </Fact>
              <Fact term="Detected">{formatTime(instance.detected_at)}</Fact>
              <Fact term="Confirmed">{formatTime(instance.confirmed_at)}</Fact>
            </dl>
            <h3 className="h6">Trades made from it</h3>
            {instance.intents.length === 0 ? (
              <p className="small text-body-secondary mb-0">None of yours.</p>
            ) : (
              <ul className="list-unstyled mb-0 pattern-intents">
                {instance.intents.map((intent) => (
                  <li key={intent.id} className="d-flex flex-wrap align-items-center gap-2 mb-1">
                    <Link to={`/trading-intent/${encodeURIComponent(intent.id)}`} className="font-monospace text-break">
                      {intent.id}
                    </Link>
                    <StatusBadge status={intent.status} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Card.Body>
    </Card>
  );
}
