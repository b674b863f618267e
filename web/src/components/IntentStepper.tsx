import type { Intent, IntentStatus } from '../api/types';
import { statusExplanation } from '../lib/status';

export type StepState = 'done' | 'current' | 'upcoming' | 'failed' | 'stopped';

export interface Step {
  key: string;
  label: string;
  state: StepState;
}

const HAPPY_PATH: IntentStatus[] = ['PLANNING', 'PENDING', 'VALIDATED', 'EXECUTING', 'EXECUTED'];

type StepperInput = Pick<Intent, 'status'> & Partial<Pick<Intent, 'validation_result' | 'execution_result' | 'plan' | 'validated_at'>>;

/**
 * Where on PLANNING → PENDING → VALIDATED → EXECUTING → EXECUTED an intent stands. A terminal
 * outcome off that path (REJECTED, FAILED, CANCELLED) takes the place of the step it stopped
 * at, worked out from what the intent carries (a plan, a validation, an execution).
 */
export function stepperModel(intent: StepperInput): Step[] {
  const { status } = intent;
  const happyIndex = HAPPY_PATH.indexOf(status);
  if (happyIndex >= 0) {
    return HAPPY_PATH.map((key, index) => ({
      key,
      label: key,
      state: index < happyIndex ? 'done' : index === happyIndex ? (status === 'EXECUTED' ? 'done' : 'current') : 'upcoming',
    }));
  }

  // The index of the step the intent did not get past.
  let stoppedAt: number;
  if (status === 'REJECTED') {
    stoppedAt = intent.validation_result ? 2 : 1; // refused by a guard, or no valid plan
  } else if (status === 'FAILED') {
    stoppedAt = intent.execution_result || intent.validated_at ? 4 : 1; // execution, or planning failed
  } else {
    // CANCELLED from PLANNING, PENDING or VALIDATED
    stoppedAt = intent.validated_at || intent.validation_result ? 3 : intent.plan ? 2 : 1;
  }
  return HAPPY_PATH.map((key, index) => {
    if (index < stoppedAt) return { key, label: key, state: 'done' as StepState };
    if (index === stoppedAt) {
      return { key: status, label: status, state: status === 'CANCELLED' ? 'stopped' : 'failed' };
    }
    return { key, label: key, state: 'upcoming' as StepState };
  });
}

const STATE_TEXT: Record<StepState, string> = {
  done: 'completed',
  current: 'current step',
  upcoming: 'not reached',
  failed: 'stopped here',
  stopped: 'stopped here',
};

const MARKER: Record<StepState, string> = { done: '✓', current: '●', upcoming: '○', failed: '✗', stopped: '■' };

/** The workflow at a glance; the live region announces every change of status. */
export function IntentStepper({ intent }: { intent: StepperInput }) {
  const steps = stepperModel(intent);
  return (
    <nav aria-label="Operation progress" className="intent-stepper-wrap">
      <ol className="intent-stepper">
        {steps.map((step) => (
          <li
            key={step.key}
            className={`intent-step intent-step--${step.state}`}
            data-step={step.key}
            data-state={step.state}
            aria-current={step.state === 'current' || step.state === 'failed' || step.state === 'stopped' ? 'step' : undefined}
          >
            <span className="intent-step__marker" aria-hidden="true">
              {MARKER[step.state]}
            </span>
            <span className="intent-step__label">{step.label}</span>
            <span className="visually-hidden"> ({STATE_TEXT[step.state]})</span>
          </li>
        ))}
      </ol>
      <p className="intent-stepper__explanation mb-0" aria-live="polite" aria-atomic="true" data-testid="status-announcement">
        <span className="visually-hidden">Status {intent.status}: </span>
        {statusExplanation(intent.status)}
      </p>
    </nav>
  );
}
