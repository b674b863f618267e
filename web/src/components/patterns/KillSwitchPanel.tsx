import { useEffect, useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorDetail } from '../../api/client';
import { api } from '../../api/endpoints';
import { useAutotrigger } from '../../api/patternQueries';
import { queryKeys } from '../../api/queryKeys';
import type { AutotriggerSettings, AutotriggerUpdate } from '../../api/types';
import { formatTime } from '../../lib/time';
import { ErrorAlert } from '../ErrorAlert';

// The API's limits: a cap of 0 stops automatic execution like the kill switch; a week is the
// longest cooldown.
export const MAX_DAILY_CAP = 1000;
export const MAX_COOLDOWN_MINUTES = 10080;

/** Why a limit is not a whole number from 0 to `max`, or null. */
export function limitError(raw: string, what: string, max: number): string | null {
  const text = raw.trim();
  if (text === '') return `${what} is required.`;
  if (!/^\d+$/.test(text)) return `${what} must be a whole number, 0 or more.`;
  if (text.replace(/^0+(?=\d)/, '').length > String(max).length || Number.parseInt(text, 10) > max) {
    return `${what} must be at most ${max}.`;
  }
  return null;
}

function LimitsForm({ settings }: { settings: AutotriggerSettings }) {
  const queryClient = useQueryClient();
  const [cap, setCap] = useState(String(settings.daily_cap));
  const [cooldown, setCooldown] = useState(String(settings.cooldown_minutes));
  const [touched, setTouched] = useState(false);
  // Follow the server while the person has not started editing.
  useEffect(() => {
    if (touched) return;
    setCap(String(settings.daily_cap));
    setCooldown(String(settings.cooldown_minutes));
  }, [settings.daily_cap, settings.cooldown_minutes, touched]);

  const save = useMutation({
    mutationFn: (changes: AutotriggerUpdate) => api.updateAutotrigger(changes),
    onSuccess: ({ data }) => {
      queryClient.setQueryData(queryKeys.autotrigger, data);
      setTouched(false);
    },
  });
  const capError = touched ? limitError(cap, 'The daily cap', MAX_DAILY_CAP) : null;
  const cooldownError = touched ? limitError(cooldown, 'The cooldown', MAX_COOLDOWN_MINUTES) : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (limitError(cap, 'The daily cap', MAX_DAILY_CAP) || limitError(cooldown, 'The cooldown', MAX_COOLDOWN_MINUTES)) return;
    save.mutate({ daily_cap: Number.parseInt(cap, 10), cooldown_minutes: Number.parseInt(cooldown, 10) });
  }

  return (
    <Form noValidate onSubmit={onSubmit} aria-label="Automatic execution limits" className="mt-3">
      <Row className="g-2 align-items-start">
        <Col xs={6} sm={4}>
          <Form.Group controlId="autotrigger-daily-cap">
            <Form.Label className="small mb-1">Daily cap</Form.Label>
            <Form.Control
              type="text"
              inputMode="numeric"
              size="sm"
              value={cap}
              onChange={(e) => {
                setTouched(true);
                setCap(e.target.value);
              }}
              isInvalid={!!capError}
              aria-invalid={!!capError}
              aria-describedby="autotrigger-daily-cap-help"
            />
            <Form.Control.Feedback type="invalid">{capError}</Form.Control.Feedback>
            <Form.Text id="autotrigger-daily-cap-help">automatic executions per UTC day (0 to 1000)</Form.Text>
          </Form.Group>
        </Col>
        <Col xs={6} sm={4}>
          <Form.Group controlId="autotrigger-cooldown">
            <Form.Label className="small mb-1">Cooldown (minutes)</Form.Label>
            <Form.Control
              type="text"
              inputMode="numeric"
              size="sm"
              value={cooldown}
              onChange={(e) => {
                setTouched(true);
                setCooldown(e.target.value);
              }}
              isInvalid={!!cooldownError}
              aria-invalid={!!cooldownError}
              aria-describedby="autotrigger-cooldown-help"
            />
            <Form.Control.Feedback type="invalid">{cooldownError}</Form.Control.Feedback>
            <Form.Text id="autotrigger-cooldown-help">between automatic trades on one symbol (at most a week)</Form.Text>
          </Form.Group>
        </Col>
        <Col xs={12} sm={4} className="pt-sm-4">
          <Button type="submit" size="sm" variant="outline-primary" disabled={save.isPending} className="w-100">
            {save.isPending ? 'Saving…' : 'Save limits'}
          </Button>
        </Col>
      </Row>
      {save.error && (
        <Alert variant="danger" role="alert" className="mt-2 mb-0 small">
          {errorDetail(save.error)}
        </Alert>
      )}
    </Form>
  );
}

/**
 * The kill switch: one click stops every automatic execution at once; turning automation
 * back on asks first. With it, the limits and today's count.
 */
export function KillSwitchPanel() {
  const queryClient = useQueryClient();
  const settings = useAutotrigger();
  const [confirmingOn, setConfirmingOn] = useState(false);
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => api.updateAutotrigger({ enabled }),
    onSuccess: ({ data }) => {
      queryClient.setQueryData(queryKeys.autotrigger, data);
      setConfirmingOn(false);
    },
    onError: () => setConfirmingOn(false),
  });

  const data = settings.data;
  const on = data?.enabled ?? false;
  return (
    <Card
      as="section"
      aria-labelledby="kill-switch-heading"
      className="mb-4 kill-switch border-2"
      border={data ? (on ? 'success' : 'danger') : undefined}
      data-enabled={data ? String(on) : undefined}
    >
      <Card.Body>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <div>
            <h2 id="kill-switch-heading" className="h5 mb-1">
              Automatic execution
            </h2>
            {data && (
              <p className="mb-0 kill-switch__state" role="status">
                {on ? (
                  <>
                    <strong className="text-success">ON</strong> — configurations in an automatic mode execute their
                    validated trades, within the limits below.
                  </>
                ) : (
                  <>
                    <strong className="text-danger">OFF</strong> — kill switch engaged: nothing is executed
                    automatically. Pattern trades wait for your confirmation.
                  </>
                )}
              </p>
            )}
          </div>
          {data &&
            (on ? (
              <Button variant="danger" onClick={() => toggle.mutate(false)} disabled={toggle.isPending}>
                {toggle.isPending && <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />}
                Stop automatic execution
              </Button>
            ) : (
              <Button variant="outline-success" onClick={() => setConfirmingOn(true)} disabled={toggle.isPending}>
                Turn automatic execution back on…
              </Button>
            ))}
        </div>
        {settings.isLoading && <Spinner animation="border" size="sm" role="status" aria-label="Loading the kill switch" />}
        {settings.error && !data && (
          <ErrorAlert error={settings.error} title="The kill switch could not be loaded" onRetry={() => void settings.refetch()} />
        )}
        {toggle.error && (
          <Alert variant="danger" role="alert" className="mt-2 mb-0">
            {errorDetail(toggle.error)}
          </Alert>
        )}
        {data && (
          <>
            <dl className="autotrigger-facts mt-3 mb-0">
              <div data-term="today">
                <dt>Automatic executions today</dt>
                <dd>
                  {data.auto_executions_today} of {data.daily_cap}
                </dd>
              </div>
              <div data-term="daily-cap">
                <dt>Daily cap</dt>
                <dd>{data.daily_cap} per UTC day</dd>
              </div>
              <div data-term="cooldown">
                <dt>Cooldown</dt>
                <dd>{data.cooldown_minutes} min per symbol</dd>
              </div>
              <div data-term="updated">
                <dt>Last changed</dt>
                <dd>
                  {formatTime(data.updated_at)}
                  {data.updated_by ? ` by ${data.updated_by.replace(/^user:/, '')}` : ''}
                </dd>
              </div>
            </dl>
            <LimitsForm settings={data} />
          </>
        )}
      </Card.Body>
      <Modal
        show={confirmingOn}
        onHide={toggle.isPending ? () => undefined : () => setConfirmingOn(false)}
        centered
        aria-labelledby="autotrigger-on-title"
      >
        <Modal.Header closeButton={!toggle.isPending} closeLabel="Close">
          <Modal.Title id="autotrigger-on-title">Turn automatic execution back on?</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <p>
            Robson will again execute validated pattern trades without asking you, for every enabled configuration in
            an automatic mode — <strong>including real LIVE orders</strong> for those set to Automatic LIVE.
          </p>
          <p className="mb-0">
            Limits: at most {data?.daily_cap ?? '—'} automatic executions a day, {data?.cooldown_minutes ?? '—'} minutes
            apart on one symbol.
          </p>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="outline-secondary" onClick={() => setConfirmingOn(false)} disabled={toggle.isPending} autoFocus>
            Keep it off
          </Button>
          <Button variant="success" onClick={() => toggle.mutate(true)} disabled={toggle.isPending}>
            {toggle.isPending ? 'Turning on…' : 'Turn it back on'}
          </Button>
        </Modal.Footer>
      </Modal>
    </Card>
  );
}
