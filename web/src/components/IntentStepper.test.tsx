import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { IntentStepper, stepperModel } from './IntentStepper';
import { intentFixture } from '../test/fixtures';
import type { Intent, IntentStatus } from '../api/types';

function states(intent: Pick<Intent, 'status'> & Partial<Intent>) {
  return stepperModel(intent).map((step) => `${step.label}:${step.state}`);
}

describe('the stepper shows where the intent stands', () => {
  it.each<[IntentStatus, string[]]>([
    ['PLANNING', ['PLANNING:current', 'PENDING:upcoming', 'VALIDATED:upcoming', 'EXECUTING:upcoming', 'EXECUTED:upcoming']],
    ['PENDING', ['PLANNING:done', 'PENDING:current', 'VALIDATED:upcoming', 'EXECUTING:upcoming', 'EXECUTED:upcoming']],
    ['VALIDATED', ['PLANNING:done', 'PENDING:done', 'VALIDATED:current', 'EXECUTING:upcoming', 'EXECUTED:upcoming']],
    ['EXECUTING', ['PLANNING:done', 'PENDING:done', 'VALIDATED:done', 'EXECUTING:current', 'EXECUTED:upcoming']],
    ['EXECUTED', ['PLANNING:done', 'PENDING:done', 'VALIDATED:done', 'EXECUTING:done', 'EXECUTED:done']],
  ])('on the happy path: %s', (status, expected) => {
    expect(states({ status })).toEqual(expected);
  });

  it('REJECTED by a guard replaces VALIDATED', () => {
    expect(states(intentFixture({ status: 'REJECTED' }))).toEqual([
      'PLANNING:done',
      'PENDING:done',
      'REJECTED:failed',
      'EXECUTING:upcoming',
      'EXECUTED:upcoming',
    ]);
  });

  it('REJECTED without a valid plan replaces PENDING', () => {
    expect(states({ status: 'REJECTED', validation_result: null, plan: { refusal: { code: 'no_valid_stop', reason: 'x' } } })).toEqual([
      'PLANNING:done',
      'REJECTED:failed',
      'VALIDATED:upcoming',
      'EXECUTING:upcoming',
      'EXECUTED:upcoming',
    ]);
  });

  it('FAILED during execution replaces EXECUTED', () => {
    expect(states(intentFixture({ status: 'FAILED', execution_result: { status: 'FAILED', mode: 'LIVE', orders: [] } }))).toEqual([
      'PLANNING:done',
      'PENDING:done',
      'VALIDATED:done',
      'EXECUTING:done',
      'FAILED:failed',
    ]);
  });

  it('FAILED while planning replaces PENDING', () => {
    expect(states({ status: 'FAILED', plan: null, validated_at: null })).toEqual([
      'PLANNING:done',
      'FAILED:failed',
      'VALIDATED:upcoming',
      'EXECUTING:upcoming',
      'EXECUTED:upcoming',
    ]);
  });

  it('CANCELLED after validation replaces EXECUTING', () => {
    expect(states(intentFixture({ status: 'CANCELLED' }))).toEqual([
      'PLANNING:done',
      'PENDING:done',
      'VALIDATED:done',
      'CANCELLED:stopped',
      'EXECUTED:upcoming',
    ]);
  });

  it('CANCELLED while planning replaces PENDING', () => {
    expect(states({ status: 'CANCELLED', plan: null })).toEqual([
      'PLANNING:done',
      'CANCELLED:stopped',
      'VALIDATED:upcoming',
      'EXECUTING:upcoming',
      'EXECUTED:upcoming',
    ]);
  });

  it('marks the current step for assistive technology and announces the status politely', () => {
    render(<IntentStepper intent={{ status: 'VALIDATED' }} />);
    const nav = screen.getByRole('navigation', { name: 'Operation progress' });
    const current = within(nav).getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('VALIDATED');
    expect(current).toHaveTextContent('(current step)');
    const announcement = screen.getByTestId('status-announcement');
    expect(announcement).toHaveAttribute('aria-live', 'polite');
    expect(announcement).toHaveTextContent('Status VALIDATED');
  });

  it('shows REJECTED as such, not as a step still to come', () => {
    render(<IntentStepper intent={intentFixture({ status: 'REJECTED' })} />);
    const rejected = screen.getByText('REJECTED').closest('li');
    expect(rejected).toHaveAttribute('data-state', 'failed');
    expect(rejected).toHaveTextContent('(stopped here)');
  });
});
