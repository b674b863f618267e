import Button from 'react-bootstrap/Button';
import Modal from 'react-bootstrap/Modal';
import Spinner from 'react-bootstrap/Spinner';
import type { Intent } from '../api/types';
import { formatDecimal, formatMoney } from '../lib/decimal';
import { splitSymbol } from './RiskCalculation';

interface LiveConfirmationDialogProps {
  intent: Intent;
  show: boolean;
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The maximum loss: the planned risk (fees and stop-limit offset included), else the budget. */
export function maximumLoss(intent: Intent): string | null | undefined {
  return intent.plan?.sizing?.planned_risk ?? intent.risk_amount;
}

/** The last look before real orders: what is bought, where, where it stops, what it can lose. */
export function LiveConfirmationDialog({ intent, show, sending, onConfirm, onCancel }: LiveConfirmationDialogProps) {
  const { base, quote } = splitSymbol(intent.symbol);
  const rows: Array<[string, string]> = [
    ['Quantity', `${formatDecimal(intent.quantity)} ${base}`.trim()],
    ['Entry', formatMoney(intent.entry_price, quote)],
    ['Stop', formatMoney(intent.stop_price, quote)],
    ['Maximum loss', formatMoney(maximumLoss(intent), quote)],
  ];
  return (
    <Modal show={show} onHide={sending ? () => undefined : onCancel} centered aria-labelledby="live-confirm-title">
      <Modal.Header closeButton={!sending} closeLabel="Close">
        <Modal.Title id="live-confirm-title">Send LIVE orders?</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <p>
          Robson will place a real <strong>{intent.side ?? 'BUY'}</strong> on <strong>{intent.symbol}</strong> and its
          stop-loss on the exchange.
        </p>
        <dl className="confirm-grid mb-0" aria-label="LIVE order summary">
          {rows.map(([term, value]) => (
            <div key={term} className="confirm-grid__row" data-term={term}>
              <dt>{term}</dt>
              <dd className="font-monospace">{value}</dd>
            </div>
          ))}
        </dl>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="outline-secondary" onClick={onCancel} disabled={sending} autoFocus>
          Go back
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={sending}>
          {sending ? (
            <>
              <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />
              Sending…
            </>
          ) : (
            'Confirm LIVE execution'
          )}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
