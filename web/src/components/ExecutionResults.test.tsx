import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { ExecutionResults } from './ExecutionResults';

describe('ExecutionResults', () => {
  it("shows each order's type, side, order type, quantity, price, exchange order id and status", () => {
    render(
      <ExecutionResults
        result={{
          status: 'SUCCESS',
          mode: 'LIVE',
          orders: [
            { type: 'ENTRY', side: 'BUY', order_type: 'MARKET', client_order_id: 'c1', quantity: '0.00051700', price: '95440.00000000', stop_price: null, binance_order_id: '4100001', status: 'FILLED' },
            { type: 'STOP_LOSS', side: 'SELL', order_type: 'STOP_LOSS_LIMIT', client_order_id: 'c2', quantity: '0.00051700', price: '93406.50000000', stop_price: '93500.00000000', binance_order_id: 4100002, status: 'NEW' },
          ],
          error: null,
          executed_at: '2026-01-01T10:00:05Z',
        }}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/ENTRY\s*BUY\s*MARKET\s*0\.000517\s*95,440\s*4100001\s*FILLED/);
    expect(rows[1]).toHaveTextContent(/STOP_LOSS\s*SELL\s*STOP_LOSS_LIMIT\s*0\.000517\s*93,406\.5\s*4100002\s*NEW/);
    expect(screen.getByText('LIVE')).toBeInTheDocument();
    const cards = within(screen.getByRole('list', { name: 'Orders' })).getAllByRole('listitem');
    expect(cards[1]).toHaveTextContent(/STOP_LOSS · SELL/);
    expect(cards[1]).toHaveTextContent('4100002');
  });

  it('says a DRY-RUN order has no exchange id, and shows the error of a failed run', () => {
    render(
      <ExecutionResults
        result={{
          status: 'FAILED',
          mode: 'DRY_RUN',
          orders: [{ type: 'ENTRY', side: 'BUY', order_type: 'MARKET', quantity: '1', price: null, binance_order_id: null, status: 'SIMULATED' }],
          error: 'The exchange refused the order: MIN_NOTIONAL.',
        }}
      />,
    );
    expect(screen.getByText('DRY-RUN')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText('none (DRY-RUN)')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Orders' })).getByText('none (DRY-RUN)')).toBeInTheDocument();
    expect(screen.getByText('The exchange refused the order: MIN_NOTIONAL.')).toBeInTheDocument();
  });
});
