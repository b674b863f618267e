import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { TradingIntentResults } from './TradingIntentResults';
import { GUARDS, intentFixture } from '../test/fixtures';

function renderResults(overrides = {}) {
  return render(<TradingIntentResults intent={intentFixture(overrides)} />);
}

describe('TradingIntentResults', () => {
  it('shows every guard with a PASS, WARNING or FAIL indicator and its message', () => {
    renderResults({
      status: 'REJECTED',
      validation_result: { status: 'FAIL', guards: GUARDS.map((g) => ({ ...g })), warnings: [], validated_at: null },
    });
    const list = screen.getByRole('list', { name: 'Guard results' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const byName = (name: string) => items.find((item) => item.getAttribute('data-guard') === name)!;
    expect(byName('balance_check')).toHaveTextContent('PASS');
    expect(byName('balance_check')).toHaveTextContent('Balance sufficient: need 49.40 USDT, free 10000.00 USDT');
    expect(byName('daily_loss')).toHaveTextContent('WARNING');
    expect(byName('daily_loss')).toHaveTextContent('Daily loss at 2.10% of the 3.00% limit');
    expect(byName('market_hours')).toHaveTextContent('FAIL');
    expect(byName('market_hours')).toHaveTextContent('BTCUSDT is HALT on the exchange');
    expect(screen.getByRole('heading', { name: /Guards/ })).toHaveTextContent('(5 checks: 3 pass, 1 warning, 1 fail)');
  });

  it('lists the paper simulation findings apart from the five guards', () => {
    renderResults();
    const paper = screen.getByRole('list', { name: 'Paper simulation findings' });
    expect(within(paper).getByRole('listitem')).toHaveTextContent('WARNING');
    expect(within(paper).getByRole('listitem')).toHaveTextContent('Estimated slippage 0.12% on the entry');
    expect(within(screen.getByRole('list', { name: 'Guard results' })).queryByText(/slippage/)).toBeNull();
  });

  it('lays out the risk calculation from the strings the API sent', () => {
    renderResults();
    const row = (term: string) => document.querySelector(`.risk-grid__row[data-term="${term}"] dd`)!;
    expect(row('Entry')).toHaveTextContent('95,432.10 USDT');
    expect(row('Stop')).toHaveTextContent('93,500.00 USDT');
    expect(row('Stop')).toHaveTextContent('stop-limit order at 93,406.50 USDT');
    expect(row('Distance to stop')).toHaveTextContent('1,932.10 USDT (2.02458082 %)');
    expect(row('Quantity')).toHaveTextContent('0.000517 BTC');
    expect(row('Position value')).toHaveTextContent('49.3383957 USDT');
    expect(row('Risk amount')).toHaveTextContent('0.99871181 USDT');
    expect(row('Risk amount')).toHaveTextContent('budget 1.00 USDT');
    expect(row('Risk')).toHaveTextContent('1 % of capital');
    expect(row('Capital')).toHaveTextContent('100.00 USDT');
  });

  it('says the guards have not run yet while the plan is pending', () => {
    renderResults({ status: 'PENDING', validation_result: null });
    expect(screen.getByText('The guards have not finished yet.')).toBeInTheDocument();
  });

  it('shows why no plan could be made', () => {
    renderResults({
      status: 'REJECTED',
      validation_result: null,
      plan: { refusal: { code: 'no_valid_stop', reason: 'No support below the entry within 8%.' } },
    });
    expect(screen.getByText(/No support below the entry within 8%\./)).toBeInTheDocument();
  });

  it('shows validation warnings that are not already a guard message', () => {
    renderResults({
      validation_result: {
        status: 'WARNING',
        guards: GUARDS.filter((g) => g.status !== 'FAIL').map((g) => ({ ...g })),
        warnings: ['Daily loss at 2.10% of the 3.00% limit', 'Monthly loss at 7.5% of the 10% limit'],
        validated_at: null,
      },
    });
    expect(screen.getByText('Monthly loss at 7.5% of the 10% limit')).toBeInTheDocument();
    expect(screen.getAllByText('Daily loss at 2.10% of the 3.00% limit')).toHaveLength(1);
  });
});
