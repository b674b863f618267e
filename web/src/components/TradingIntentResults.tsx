import Alert from 'react-bootstrap/Alert';
import type { GuardResult, Intent } from '../api/types';
import { GuardList } from './GuardList';
import { RiskCalculation } from './RiskCalculation';

const PAPER_SIMULATION = 'paper_simulation';

export function splitGuards(guards: GuardResult[]): { guards: GuardResult[]; paper: GuardResult[] } {
  return {
    guards: guards.filter((g) => g.name !== PAPER_SIMULATION),
    paper: guards.filter((g) => g.name === PAPER_SIMULATION),
  };
}

function warningText(warning: unknown): string {
  if (typeof warning === 'string') return warning;
  if (warning && typeof warning === 'object' && 'message' in warning) return String((warning as { message: unknown }).message);
  return JSON.stringify(warning);
}

/** The guards' verdicts, the risk calculation and the paper simulation of one plan. */
export function TradingIntentResults({ intent }: { intent: Intent }) {
  const validation = intent.validation_result;
  const { guards, paper } = splitGuards(validation?.guards ?? []);
  const count = (status: string) => guards.filter((g) => g.status === status).length;
  const summary = [`${count('PASS')} pass`, count('WARNING') ? `${count('WARNING')} warning` : '', count('FAIL') ? `${count('FAIL')} fail` : '']
    .filter(Boolean)
    .join(', ');
  // validation_result.warnings repeats the WARNING guards' messages; show only the others.
  const guardMessages = new Set((validation?.guards ?? []).map((g) => g.message));
  const otherWarnings = (validation?.warnings ?? [])
    .map(warningText)
    .filter((w) => w.trim() !== '' && !guardMessages.has(w));
  const paperWarnings = paper.filter((g) => g.status !== 'PASS').length;
  const refusal = intent.plan?.refusal?.reason ?? intent.plan?.stop?.rejection?.message;

  return (
    <div className="trading-intent-results">
      {refusal && !validation && (
        <Alert variant="danger" className="plan-refusal">
          <strong>No valid plan:</strong> {refusal}
        </Alert>
      )}

      <section aria-labelledby="guards-heading" className="mb-4">
        <h2 id="guards-heading" className="h5">
          Guards{' '}
          {validation && (
            <span className="small text-body-secondary fw-normal">
              ({guards.length} checks: {summary})
            </span>
          )}
        </h2>
        {validation ? (
          <>
            <GuardList guards={guards} label="Guard results" />
            {otherWarnings.length > 0 && (
              <Alert variant="warning" className="mt-2 validation-warnings">
                <ul className="mb-0 ps-3">
                  {otherWarnings.map((warning, index) => (
                    <li key={index}>{warning}</li>
                  ))}
                </ul>
              </Alert>
            )}
          </>
        ) : (
          <p className="text-body-secondary">
            {intent.status === 'PLANNING' || intent.status === 'PENDING'
              ? 'The guards have not finished yet.'
              : 'The guards did not run for this operation.'}
          </p>
        )}
      </section>

      {intent.plan?.sizing && <RiskCalculation intent={intent} />}

      {paper.length > 0 && (
        <section aria-labelledby="paper-heading" className="mb-4">
          <h2 id="paper-heading" className="h5">
            Paper simulation
          </h2>
          <p className="small text-body-secondary">
            The plan filled on paper against the current order book: slippage, fees and the stop’s fill.
            {paperWarnings > 0 ? ` ${paperWarnings} finding(s) need your attention.` : ' Nothing to flag.'}
          </p>
          <GuardList guards={paper} label="Paper simulation findings" />
        </section>
      )}
    </div>
  );
}
