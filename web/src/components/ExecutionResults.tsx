import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Table from 'react-bootstrap/Table';
import type { ExecutedOrder, ExecutionResult } from '../api/types';
import { formatDecimal } from '../lib/decimal';
import { formatTime } from '../lib/time';

function orderPrice(price: string | null, stopPrice: string | null | undefined): string {
  if (price) return formatDecimal(price);
  if (stopPrice) return `stop ${formatDecimal(stopPrice)}`;
  return 'market';
}

function exchangeId(id: ExecutedOrder['binance_order_id']): string | null {
  return id === null || id === undefined ? null : String(id);
}

/** On a phone the orders are cards: a seven-column table does not fit 375 px. */
function OrderCards({ orders }: { orders: ExecutedOrder[] }) {
  return (
    <ul className="list-unstyled d-sm-none order-cards" aria-label="Orders">
      {orders.map((order, index) => (
        <li key={order.client_order_id ?? index} className="border rounded p-2 mb-2" data-order-type={order.type}>
          <div className="d-flex justify-content-between fw-semibold">
            <span>
              {order.type} · {order.side}
            </span>
            <span>{order.status}</span>
          </div>
          <dl className="order-card-grid small mb-0">
            <dt>Order</dt>
            <dd>{order.order_type}</dd>
            <dt>Quantity</dt>
            <dd className="font-monospace">{formatDecimal(order.quantity)}</dd>
            <dt>Price</dt>
            <dd className="font-monospace">{orderPrice(order.price, order.stop_price)}</dd>
            <dt>Exchange order id</dt>
            <dd className="font-monospace exchange-order-id">{exchangeId(order.binance_order_id) ?? 'none (DRY-RUN)'}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The orders Robson placed (or would have, in DRY-RUN) and what the exchange said. */
export function ExecutionResults({ result }: { result: ExecutionResult }) {
  const succeeded = result.status === 'SUCCESS';
  return (
    <section aria-labelledby="execution-heading" className="mb-4 execution-results">
      <h2 id="execution-heading" className="h5 d-flex flex-wrap align-items-center gap-2">
        Execution
        <Badge bg={result.mode === 'LIVE' ? 'danger' : 'secondary'} data-mode={result.mode}>
          {result.mode === 'DRY_RUN' ? 'DRY-RUN' : result.mode}
        </Badge>
        <Badge bg={succeeded ? 'success' : 'danger'}>{result.status}</Badge>
      </h2>
      {result.error && (
        <Alert variant="danger" className="execution-error">
          {result.error}
        </Alert>
      )}
      <p className="small text-body-secondary">Executed {formatTime(result.executed_at)}</p>
      <OrderCards orders={result.orders} />
      <Table responsive size="sm" className="orders-table align-middle d-none d-sm-table">
        <caption className="visually-hidden">Orders of this operation</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Side</th>
            <th scope="col">Order</th>
            <th scope="col" className="text-end">
              Quantity
            </th>
            <th scope="col" className="text-end">
              Price
            </th>
            <th scope="col">Exchange order id</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {result.orders.map((order, index) => (
            <tr key={order.client_order_id ?? index} data-order-type={order.type}>
              <td>{order.type}</td>
              <td>{order.side}</td>
              <td>{order.order_type}</td>
              <td className="text-end font-monospace">{formatDecimal(order.quantity)}</td>
              <td className="text-end font-monospace">{orderPrice(order.price, order.stop_price)}</td>
              <td className="font-monospace exchange-order-id">
                {exchangeId(order.binance_order_id) ?? <span className="text-body-secondary">none (DRY-RUN)</span>}
              </td>
              <td>{order.status}</td>
            </tr>
          ))}
          {result.orders.length === 0 && (
            <tr>
              <td colSpan={7} className="text-body-secondary">
                No order was placed.
              </td>
            </tr>
          )}
        </tbody>
      </Table>
    </section>
  );
}
