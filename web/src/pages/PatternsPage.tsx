import { useState } from 'react';
import Col from 'react-bootstrap/Col';
import Row from 'react-bootstrap/Row';
import { useSearchParams } from 'react-router-dom';
import type { PatternInstance } from '../api/types';
import { PageHeading } from '../components/PageHeading';
import { GuardrailDecisions } from '../components/patterns/GuardrailDecisions';
import { KillSwitchPanel } from '../components/patterns/KillSwitchPanel';
import { PatternConfigList } from '../components/patterns/PatternConfigList';
import { PatternDetail } from '../components/patterns/PatternDetail';
import { PatternFeed } from '../components/patterns/PatternFeed';
import { PendingConfirmationList } from '../components/patterns/PendingConfirmationList';

function selectedFrom(params: URLSearchParams): number | null {
  const id = Number.parseInt(params.get('selected') ?? '', 10);
  return Number.isFinite(id) && id > 0 ? id : null;
}

/**
 * /patterns — the scanner: the kill switch, the trades waiting for the person, the patterns
 * found (one opened with its chart), the configurations and the guardrail decisions.
 * `?selected=<id>` opens a pattern, so it can be linked to.
 */
export function PatternsPage() {
  const [params, setParams] = useSearchParams();
  const selectedId = selectedFrom(params);
  const [picked, setPicked] = useState<{ instance: PatternInstance; byPerson: boolean } | null>(null);
  const shown = picked && picked.instance.id === selectedId ? picked.instance : undefined;

  function select(instance: PatternInstance) {
    setPicked({ instance, byPerson: true });
    const next = new URLSearchParams(params);
    next.set('selected', String(instance.id));
    setParams(next, { replace: true });
  }

  function close() {
    setPicked(null);
    const next = new URLSearchParams(params);
    next.delete('selected');
    setParams(next, { replace: true });
  }

  return (
    <div className="patterns-page">
      <PageHeading>Patterns</PageHeading>
      <p className="text-body-secondary">
        Robson scans the charts you configure at every candle close. A confirmed pattern becomes a trade, planned and
        validated like any other; it waits for you, or runs by itself where you chose an automatic mode and the
        guardrails allow it.
      </p>
      <KillSwitchPanel />
      <PendingConfirmationList />
      <Row className="g-4">
        <Col lg={selectedId !== null ? 5 : 12}>
          <PatternFeed selectedId={selectedId} onSelect={select} />
        </Col>
        {selectedId !== null && (
          <Col lg={7}>
            <PatternDetail id={selectedId} shown={shown} focusOnOpen={picked?.byPerson ?? false} onClose={close} />
          </Col>
        )}
      </Row>
      <Row className="g-4">
        <Col lg={6}>
          <PatternConfigList />
        </Col>
        <Col lg={6}>
          <GuardrailDecisions />
        </Col>
      </Row>
    </div>
  );
}
