import Badge from 'react-bootstrap/Badge';
import type { IntentStatus } from '../api/types';
import { statusVariant } from '../lib/status';

export function StatusBadge({ status }: { status: IntentStatus }) {
  const { bg, text } = statusVariant(status);
  return (
    <Badge bg={bg} text={text} className="status-badge" data-status={status}>
      {status}
    </Badge>
  );
}
