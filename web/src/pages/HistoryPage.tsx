import { type FormEvent, useState } from 'react';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Pagination from 'react-bootstrap/Pagination';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { useSearchParams } from 'react-router-dom';
import { useIntents } from '../api/intentQueries';
import { useSymbols } from '../api/referenceQueries';
import type { HistoryFilters, IntentStatus } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { IntentsTable } from '../components/IntentsTable';
import { PageHeading } from '../components/PageHeading';
import { ALL_STATUSES } from '../lib/status';
import { dayEndUtc, dayStartUtc } from '../lib/time';

const PAGE_SIZE = 20;

interface FilterForm {
  status: string;
  symbol: string;
  since: string; // yyyy-mm-dd
  until: string;
}

function readFilters(params: URLSearchParams): FilterForm & { page: number } {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status: params.get('status') ?? '',
    symbol: params.get('symbol') ?? '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function toHistoryFilters(form: FilterForm & { page: number }): HistoryFilters {
  return {
    status: (form.status || '') as IntentStatus | '',
    symbol: form.symbol || undefined,
    since: form.since ? dayStartUtc(form.since) : undefined,
    until: form.until ? dayEndUtc(form.until) : undefined,
    page: form.page,
    page_size: PAGE_SIZE,
  };
}

/** Every operation, newest first, filtered by status, symbol and date, 20 a page. */
export function HistoryPage() {
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const [form, setForm] = useState<FilterForm>(applied);
  const symbols = useSymbols();
  const history = useIntents(toHistoryFilters(applied));
  const total = history.data?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  function apply(next: FilterForm & { page: number }) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value));
    }
    setParams(query);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply({ ...form, page: 1 });
  }

  function onReset() {
    const empty = { status: '', symbol: '', since: '', until: '' };
    setForm(empty);
    apply({ ...empty, page: 1 });
  }

  return (
    <>
      <PageHeading>History</PageHeading>
      <Form onSubmit={onSubmit} className="history-filters mb-3" aria-label="Filter operations">
        <Row className="g-2 align-items-end">
          <Col xs={6} md={3}>
            <Form.Group controlId="filter-status">
              <Form.Label>Status</Form.Label>
              <Form.Select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
                <option value="">All</option>
                {ALL_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col xs={6} md={3}>
            <Form.Group controlId="filter-symbol">
              <Form.Label>Symbol</Form.Label>
              <Form.Select value={form.symbol} onChange={(e) => setForm({ ...form, symbol: e.target.value })}>
                <option value="">All</option>
                {(symbols.data?.results ?? []).map((symbol) => (
                  <option key={symbol.symbol} value={symbol.symbol}>
                    {symbol.symbol}
                  </option>
                ))}
              </Form.Select>
            </Form.Group>
          </Col>
          <Col xs={6} md={2}>
            <Form.Group controlId="filter-since">
              <Form.Label>From</Form.Label>
              <Form.Control type="date" value={form.since} onChange={(e) => setForm({ ...form, since: e.target.value })} />
            </Form.Group>
          </Col>
          <Col xs={6} md={2}>
            <Form.Group controlId="filter-until">
              <Form.Label>To</Form.Label>
              <Form.Control type="date" value={form.until} onChange={(e) => setForm({ ...form, until: e.target.value })} />
            </Form.Group>
          </Col>
          <Col xs={12} md={2} className="d-flex gap-2">
            <Button type="submit" className="flex-grow-1">
              Filter
            </Button>
            <Button variant="outline-secondary" onClick={onReset}>
              Reset
            </Button>
          </Col>
        </Row>
        <Form.Text>Dates are UTC days.</Form.Text>
      </Form>

      <div className="small text-body-secondary mb-2" aria-live="polite">
        {history.data ? `${total} operation${total === 1 ? '' : 's'} · page ${applied.page} of ${pages}` : ''}
        {history.isFetching && <Spinner animation="border" size="sm" className="ms-2" aria-hidden="true" />}
      </div>
      {history.error && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.isLoading && <Spinner animation="border" role="status" aria-label="Loading the history" />}
      {history.data && history.data.results.length === 0 && <p>No operation matches these filters.</p>}
      {history.data && history.data.results.length > 0 && (
        <IntentsTable intents={history.data.results} caption="Operations, newest first" />
      )}
      {pages > 1 && (
        <nav aria-label="History pages">
          <Pagination className="flex-wrap">
            <Pagination.Prev
              disabled={applied.page <= 1}
              onClick={() => apply({ ...applied, page: applied.page - 1 })}
              aria-label="Previous page"
            />
            <Pagination.Item active aria-current="page">
              {applied.page} / {pages}
            </Pagination.Item>
            <Pagination.Next
              disabled={applied.page >= pages}
              onClick={() => apply({ ...applied, page: applied.page + 1 })}
              aria-label="Next page"
            />
          </Pagination>
        </nav>
      )}
    </>
  );
}
