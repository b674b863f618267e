import Spinner from 'react-bootstrap/Spinner';
import type { AuditEntry } from '../api/types';
import { formatTime } from '../lib/time';

function detailText(details: AuditEntry['details']): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

/** Every step Robson and the person took on this intent, oldest first. */
export function AuditTrail({ entries, loading }: { entries: AuditEntry[] | undefined; loading: boolean }) {
  return (
    <section aria-labelledby="audit-heading" className="mb-4 audit-trail">
      <h2 id="audit-heading" className="h5">
        Audit trail
      </h2>
      {loading && !entries && <Spinner animation="border" size="sm" role="status" aria-label="Loading the audit trail" />}
      {entries && entries.length === 0 && <p className="text-body-secondary">Nothing recorded yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="list-unstyled audit-list">
          {entries.map((entry) => (
            <li key={entry.id} className="audit-entry">
              <div className="d-flex flex-wrap gap-2 align-items-baseline">
                <code className="audit-action">{entry.action}</code>
                <span className="small text-body-secondary">
                  {formatTime(entry.created_at)}
                  {entry.actor ? ` · ${entry.actor}` : ''}
                </span>
              </div>
              {detailText(entry.details) && <div className="small text-break">{detailText(entry.details)}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
