import Badge from 'react-bootstrap/Badge';
import ListGroup from 'react-bootstrap/ListGroup';
import type { GuardResult } from '../api/types';
import { guardVariant } from '../lib/status';

/** "balance_check" → "Balance check". */
export function guardTitle(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function GuardIndicator({ status }: { status: string }) {
  const { bg, text, symbol } = guardVariant(status);
  return (
    <Badge bg={bg} text={text} className="guard-indicator" data-guard-status={status}>
      <span aria-hidden="true">{symbol} </span>
      {status}
    </Badge>
  );
}

export function GuardList({ guards, label }: { guards: GuardResult[]; label: string }) {
  return (
    <ListGroup as="ul" aria-label={label} className="guard-list">
      {guards.map((guard, index) => (
        <ListGroup.Item
          as="li"
          key={`${guard.name}-${index}`}
          className="d-flex gap-2 align-items-start guard-item"
          data-guard={guard.name}
          data-guard-status={guard.status}
        >
          <GuardIndicator status={guard.status} />
          <div className="flex-grow-1 text-break">
            <div className="fw-semibold">{guardTitle(guard.name)}</div>
            <div className="small guard-message">{guard.message}</div>
          </div>
        </ListGroup.Item>
      ))}
    </ListGroup>
  );
}
