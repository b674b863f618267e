import { useState } from 'react';
import Alert from 'react-bootstrap/Alert';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Modal from 'react-bootstrap/Modal';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorDetail } from '../../api/client';
import { api } from '../../api/endpoints';
import { usePatternConfigs } from '../../api/patternQueries';
import { queryKeys } from '../../api/queryKeys';
import type { PatternConfig, PatternConfigMode } from '../../api/types';
import { formatMoney } from '../../lib/decimal';
import { MODE_LABELS, confidencePercent } from '../../lib/patterns';
import { ErrorAlert } from '../ErrorAlert';
import { PatternConfigForm } from './PatternConfigForm';

const MODE_BADGE: Record<PatternConfigMode, { bg: string; text: 'light' | 'dark' }> = {
  manual: { bg: 'secondary', text: 'light' },
  auto_dry_run: { bg: 'info', text: 'dark' },
  auto_live: { bg: 'danger', text: 'light' },
};

export function ModeBadge({ mode }: { mode: PatternConfigMode }) {
  const { bg, text } = MODE_BADGE[mode] ?? MODE_BADGE.manual;
  return (
    <Badge bg={bg} text={text} className="mode-badge" data-mode={mode}>
      {MODE_LABELS[mode] ?? mode}
    </Badge>
  );
}

function configName(config: PatternConfig): string {
  return `#${config.id} ${config.pattern}`;
}

function ConfigCard({
  config,
  onEdit,
  onDelete,
}: {
  config: PatternConfig;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const headingId = `pattern-config-${config.id}-heading`;
  return (
    <li className="pattern-config card mb-2" data-config-id={config.id} aria-labelledby={headingId}>
      <div className="card-body py-2">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <div>
            <h3 id={headingId} className="h6 mb-1">
              {config.pattern} <span className="text-body-secondary fw-normal">#{config.id}</span>
            </h3>
            <div className="d-flex flex-wrap gap-1 mb-1">
              <ModeBadge mode={config.mode} />
              <Badge bg={config.enabled ? 'success' : 'secondary'} className="enabled-badge">
                {config.enabled ? 'Enabled' : 'Disabled'}
              </Badge>
            </div>
          </div>
          <div className="d-flex gap-2">
            <Button size="sm" variant="outline-primary" onClick={onEdit} aria-label={`Edit configuration ${configName(config)}`}>
              Edit
            </Button>
            <Button size="sm" variant="outline-danger" onClick={onDelete} aria-label={`Delete configuration ${configName(config)}`}>
              Delete
            </Button>
          </div>
        </div>
        <dl className="config-facts small mb-0">
          <div>
            <dt>Strategy</dt>
            <dd>{config.strategy_name}</dd>
          </div>
          <div>
            <dt>Symbols</dt>
            <dd>{config.symbols.join(', ')}</dd>
          </div>
          <div>
            <dt>Timeframes</dt>
            <dd>{config.timeframes.join(', ')}</dd>
          </div>
          <div>
            <dt>Min. confidence</dt>
            <dd>{confidencePercent(config.min_confidence)}</dd>
          </div>
          <div>
            <dt>Capital</dt>
            <dd className="font-monospace">{formatMoney(config.capital)}</dd>
          </div>
        </dl>
      </div>
    </li>
  );
}

/** The person's pattern configurations, with create, edit and delete. */
export function PatternConfigList() {
  const queryClient = useQueryClient();
  const configs = usePatternConfigs();
  const [editing, setEditing] = useState<{ config: PatternConfig | null } | null>(null);
  const [deleting, setDeleting] = useState<PatternConfig | null>(null);
  const [notice, setNotice] = useState('');

  const remove = useMutation({
    mutationFn: (config: PatternConfig) => api.deletePatternConfig(config.id),
    onSuccess: (_, config) => {
      queryClient.setQueryData<{ count: number; results: PatternConfig[] }>(queryKeys.patternConfigs, (previous) =>
        previous
          ? { count: Math.max(0, previous.count - 1), results: previous.results.filter((c) => c.id !== config.id) }
          : previous,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.patternConfigs });
      setNotice(`Configuration ${configName(config)} deleted.`);
      setDeleting(null);
    },
  });

  const list = configs.data?.results ?? [];
  return (
    <section aria-labelledby="pattern-configs-heading" className="mb-4">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h2 id="pattern-configs-heading" className="h5 mb-0">
          Configurations
        </h2>
        <Button variant="primary" size="sm" onClick={() => setEditing({ config: null })}>
          + New configuration
        </Button>
      </div>
      <div role="status" className="small text-success config-notice">
        {notice}
      </div>
      {configs.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the configurations" />}
      {configs.error && <ErrorAlert error={configs.error} onRetry={() => void configs.refetch()} />}
      {configs.data && list.length === 0 && (
        <p className="text-body-secondary">
          No configuration yet. Create one to have Robson watch for a pattern and propose trades when it appears.
        </p>
      )}
      {list.length > 0 && (
        <ul className="list-unstyled mb-0 pattern-configs" aria-label="Pattern configurations">
          {list.map((config) => (
            <ConfigCard
              key={config.id}
              config={config}
              onEdit={() => setEditing({ config })}
              onDelete={() => {
                remove.reset();
                setDeleting(config);
              }}
            />
          ))}
        </ul>
      )}

      <PatternConfigForm
        show={editing !== null}
        config={editing?.config ?? null}
        onHide={() => setEditing(null)}
        onSaved={(config, created) => setNotice(`Configuration ${configName(config)} ${created ? 'created' : 'saved'}.`)}
      />

      <Modal
        show={deleting !== null}
        onHide={remove.isPending ? () => undefined : () => setDeleting(null)}
        centered
        aria-labelledby="delete-config-title"
      >
        <Modal.Header closeButton={!remove.isPending} closeLabel="Close">
          <Modal.Title id="delete-config-title">Delete this configuration?</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <p className="mb-0">
            {deleting ? configName(deleting) : ''} will no longer make trades. Trades it already made are kept.
          </p>
          {remove.error && (
            <Alert variant="danger" role="alert" className="mt-2 mb-0">
              {errorDetail(remove.error)}
            </Alert>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="outline-secondary" onClick={() => setDeleting(null)} disabled={remove.isPending} autoFocus>
            Keep it
          </Button>
          <Button variant="danger" onClick={() => deleting && remove.mutate(deleting)} disabled={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </Button>
        </Modal.Footer>
      </Modal>
    </section>
  );
}
