import Table from 'react-bootstrap/Table';
import { Link } from 'react-router-dom';
import type { IntentSummary } from '../api/types';
import { formatDecimal, formatMoney } from '../lib/decimal';
import { formatTime } from '../lib/time';
import { StatusBadge } from './StatusBadge';

/** Intents as rows; on a phone the less important columns fold away. */
export function IntentsTable({ intents, caption }: { intents: IntentSummary[]; caption: string }) {
  return (
    <Table hover responsive className="intents-table align-middle">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Operation</th>
          <th scope="col">Status</th>
          <th scope="col" className="d-none d-sm-table-cell text-end">
            Capital
          </th>
          <th scope="col" className="d-none d-md-table-cell text-end">
            Entry
          </th>
          <th scope="col" className="d-none d-md-table-cell text-end">
            Stop
          </th>
          <th scope="col" className="d-none d-lg-table-cell">
            Created
          </th>
        </tr>
      </thead>
      <tbody>
        {intents.map((intent) => (
          <tr key={intent.intent_id} data-intent-id={intent.intent_id}>
            <td>
              <Link to={`/trading-intent/${encodeURIComponent(intent.intent_id)}`} className="fw-semibold">
                {intent.side ?? ''} {intent.symbol}
              </Link>
              <div className="small text-body-secondary">
                {intent.strategy?.name ?? 'Strategy'} · {intent.timeframe ?? ''}
              </div>
            </td>
            <td>
              <StatusBadge status={intent.status} />
            </td>
            <td className="d-none d-sm-table-cell text-end font-monospace">{formatMoney(intent.capital)}</td>
            <td className="d-none d-md-table-cell text-end font-monospace">{formatDecimal(intent.entry_price)}</td>
            <td className="d-none d-md-table-cell text-end font-monospace">{formatDecimal(intent.stop_price)}</td>
            <td className="d-none d-lg-table-cell small">{formatTime(intent.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
