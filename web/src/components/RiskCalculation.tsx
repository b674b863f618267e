import type { Intent } from '../api/types';
import { formatDecimal, formatMoney, formatPercent } from '../lib/decimal';

interface Row {
  term: string;
  value: string;
  note?: string;
}

/** The base and quote assets of a symbol such as BTCUSDT, when the quote is a known one. */
export function splitSymbol(symbol: string): { base: string; quote: string } {
  for (const quote of ['USDT', 'USDC', 'FDUSD', 'BUSD', 'BTC', 'ETH', 'EUR']) {
    if (symbol.endsWith(quote) && symbol.length > quote.length) {
      return { base: symbol.slice(0, -quote.length), quote };
    }
  }
  return { base: symbol, quote: '' };
}

export function riskRows(intent: Intent): Row[] {
  const sizing = intent.plan?.sizing ?? {};
  const stop = intent.plan?.stop ?? {};
  const { base, quote } = splitSymbol(intent.symbol);
  const distance = sizing.stop_distance ?? stop.distance ?? null;
  const distancePercent = sizing.stop_distance_percent ?? stop.distance_percent ?? null;
  return [
    { term: 'Capital', value: formatMoney(intent.capital, quote) },
    { term: 'Entry', value: formatMoney(intent.entry_price ?? stop.entry, quote) },
    {
      term: 'Stop',
      value: formatMoney(intent.stop_price ?? stop.stop, quote),
      note: sizing.stop_limit ? `stop-limit order at ${formatMoney(sizing.stop_limit, quote)}` : undefined,
    },
    { term: 'Distance to stop', value: `${formatMoney(distance, quote)} (${formatPercent(distancePercent)})` },
    { term: 'Quantity', value: `${formatDecimal(intent.quantity ?? sizing.quantity)} ${base}`.trim() },
    {
      term: 'Position value',
      value: formatMoney(sizing.position_value, quote),
      note: sizing.value_with_fees ? `${formatMoney(sizing.value_with_fees, quote)} with fees` : undefined,
    },
    {
      term: 'Risk amount',
      value: formatMoney(sizing.planned_risk ?? intent.risk_amount, quote),
      note:
        sizing.planned_risk && intent.risk_amount
          ? `the loss if the stop is hit, fees included; budget ${formatMoney(intent.risk_amount, quote)}`
          : 'the loss if the stop is hit',
    },
    { term: 'Risk', value: `${formatPercent(intent.risk_percent)} of capital` },
  ];
}

/** The risk calculation laid out, each figure as the API computed it. */
export function RiskCalculation({ intent }: { intent: Intent }) {
  const sizing = intent.plan?.sizing;
  return (
    <section aria-labelledby="risk-heading" className="mb-4">
      <h2 id="risk-heading" className="h5">
        Risk calculation
      </h2>
      <dl className="risk-grid">
        {riskRows(intent).map((row) => (
          <div key={row.term} className="risk-grid__row" data-term={row.term}>
            <dt>{row.term}</dt>
            <dd>
              <span className="font-monospace">{row.value}</span>
              {row.note && <span className="d-block small text-body-secondary">{row.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {sizing?.note && <p className="small text-body-secondary">{sizing.note}</p>}
      {intent.plan?.stop?.explanation && (
        <details className="small">
          <summary>Why this stop</summary>
          <p className="mt-2 mb-0 text-pre-line">{intent.plan.stop.explanation}</p>
        </details>
      )}
    </section>
  );
}
