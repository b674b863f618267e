import { useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Pagination from 'react-bootstrap/Pagination';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { usePatternCatalog, usePatterns } from '../../api/patternQueries';
import { useSymbols } from '../../api/referenceQueries';
import type { PatternFilters, PatternInstance, PatternState } from '../../api/types';
import { PATTERN_STATES, confidencePercent, formatCandleTime } from '../../lib/patterns';
import { ErrorAlert } from '../ErrorAlert';
import { TIMEFRAMES } from '../StartNewOperationModal';
import { DirectionBadge, PatternStateBadge } from './PatternBadges';

export const FEED_PAGE_SIZE = 20;

interface FeedFilters {
  symbol: string;
  timeframe: string;
  pattern: string;
  state: PatternState | '';
}

const NO_FILTERS: FeedFilters = { symbol: '', timeframe: '', pattern: '', state: '' };

function FeedItem({ instance, selected, onSelect }: { instance: PatternInstance; selected: boolean; onSelect: () => void }) {
  const intents = instance.intents.length;
  return (
    <li className="list-group-item p-0" data-pattern-id={instance.id}>
      <button
        type="button"
        className={`pattern-feed__item btn w-100 text-start rounded-0 px-3 py-2 ${selected ? 'pattern-feed__item--selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="d-flex flex-wrap align-items-center gap-1">
          <strong className="me-1">{instance.pattern}</strong>
          <DirectionBadge direction={instance.direction} />
          <span>
            {instance.symbol} {instance.timeframe}
          </span>
          <PatternStateBadge state={instance.state} />
        </span>
        <span className="d-block small text-body-secondary">
          Confidence {confidencePercent(instance.confidence)} · trigger {formatCandleTime(instance.trigger_open_time)}
          {intents > 0 ? ` · ${intents} trade${intents === 1 ? '' : 's'}` : ''}
        </span>
      </button>
    </li>
  );
}

/** The patterns the scanner found, newest first: filters, pages, and a row per instance to open. */
export function PatternFeed({
  selectedId,
  onSelect,
}: {
  selectedId: number | null;
  onSelect: (instance: PatternInstance) => void;
}) {
  const [filters, setFilters] = useState<FeedFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const symbols = useSymbols();
  const catalog = usePatternCatalog();
  const query: PatternFilters = { ...filters, page, page_size: FEED_PAGE_SIZE };
  const feed = usePatterns(query);
  const total = feed.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / FEED_PAGE_SIZE));
  const results = feed.data?.results ?? [];

  function setFilter<K extends keyof FeedFilters>(key: K, value: FeedFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  }

  const filtered = Object.values(filters).some(Boolean);
  return (
    <section aria-labelledby="pattern-feed-heading" className="mb-4 pattern-feed">
      <h2 id="pattern-feed-heading" className="h5">
        Pattern feed
      </h2>
      <Form className="mb-2" aria-label="Filter patterns" onSubmit={(e) => e.preventDefault()}>
        <Row className="g-2 align-items-end">
          <Col xs={6} lg={3}>
            <Form.Group controlId="pattern-filter-symbol">
              <Form.Label className="small mb-1">Symbol</Form.Label>
              <Form.Select size="sm" value={filters.symbol} onChange={(e) => setFilter('symbol', e.target.value)}>
                <option value="">All</option>
                {(symbols.data?.results ?? []).map((s) => (
                  <option key={s.symbol} value={s.symbol}>
                    {s.symbol}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col xs={6} lg={3}>
            <Form.Group controlId="pattern-filter-timeframe">
              <Form.Label className="small mb-1">Timeframe</Form.Label>
              <Form.Select size="sm" value={filters.timeframe} onChange={(e) => setFilter('timeframe', e.target.value)}>
                <option value="">All</option>
                {TIMEFRAMES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col xs={6} lg={3}>
            <Form.Group controlId="pattern-filter-pattern">
              <Form.Label className="small mb-1">Pattern</Form.Label>
              <Form.Select size="sm" value={filters.pattern} onChange={(e) => setFilter('pattern', e.target.value)}>
                <option value="">All</option>
                {(catalog.data?.results ?? []).map((entry) => (
                  <option key={entry.pattern} value={entry.pattern}>
                    {entry.pattern}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col xs={6} lg={3}>
            <Form.Group controlId="pattern-filter-state">
              <Form.Label className="small mb-1">State</Form.Label>
              <Form.Select
                size="sm"
                value={filters.state}
                onChange={(e) => setFilter('state', e.target.value as PatternState | '')}
              >
                <option value="">All</option>
                {PATTERN_STATES.map((state) => (
                  <option key={state} value={state}>
                    {state}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
        </Row>
        {filtered && (
          <Button
            variant="link"
            size="sm"
            className="px-0"
            onClick={() => {
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            Clear the filters
          </Button>
        )}
      </Form>

      <div className="small text-body-secondary mb-2" aria-live="polite">
        {feed.data ? `${total} pattern${total === 1 ? '' : 's'} · page ${page} of ${pages}` : ''}
        {feed.isFetching && <Spinner animation="border" size="sm" className="ms-2" aria-hidden="true" />}
      </div>
      {feed.isLoading && <Spinner animation="border" role="status" aria-label="Loading the patterns" />}
      {feed.error && <ErrorAlert error={feed.error} title="The patterns could not be loaded" onRetry={() => void feed.refetch()} />}
      {feed.data && results.length === 0 && (
        <p className="text-body-secondary">
          {filtered ? 'No pattern matches these filters.' : 'No pattern found yet. The scanner looks at every candle close.'}
        </p>
      )}
      {results.length > 0 && (
        <ul className="list-group mb-2" aria-label="Patterns, newest first">
          {results.map((instance) => (
            <FeedItem
              key={instance.id}
              instance={instance}
              selected={instance.id === selectedId}
              onSelect={() => onSelect(instance)}
            />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pattern feed pages">
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
