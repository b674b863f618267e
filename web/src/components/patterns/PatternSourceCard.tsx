import Card from 'react-bootstrap/Card';
import { Link } from 'react-router-dom';
import type { IntentSummary, PatternConfigMode } from '../../api/types';
import { formatDecimal } from '../../lib/decimal';
import { MODE_LABELS, confidencePercent, formatCandleTime, patternMetadata } from '../../lib/patterns';
import { DirectionBadge } from './PatternBadges';

/** On an intent's page, when a chart pattern made the intent: which one, how sure, which candle. */
export function PatternSourceCard({ intent }: { intent: IntentSummary }) {
  const source = patternMetadata(intent);
  if (!source) return null;
  const { pattern } = source;
  const candle = pattern.trigger_candle;
  const mode = source.auto_mode ? (MODE_LABELS[source.auto_mode as PatternConfigMode] ?? source.auto_mode) : null;
  return (
    <Card as="section" aria-labelledby="pattern-source-heading" className="mb-4 pattern-source" border="info">
      <Card.Body>
        <h2 id="pattern-source-heading" className="h5">
          Made by a pattern
        </h2>
        <dl className="risk-grid mb-2">
          <div className="risk-grid__row" data-term="Pattern">
            <dt>Pattern</dt>
            <dd>
              {pattern.kind} {pattern.direction && <DirectionBadge direction={pattern.direction} />}
            </dd>
          </div>
          <div className="risk-grid__row" data-term="Confidence">
            <dt>Confidence</dt>
            <dd>
              {confidencePercent(pattern.confidence)} <span className="text-body-secondary small">({pattern.confidence})</span>
            </dd>
          </div>
          <div className="risk-grid__row" data-term="Trigger candle">
            <dt>Trigger candle</dt>
            <dd>
              {formatCandleTime(pattern.trigger_open_time)}
              {candle && (
                <span className="d-block small font-monospace trigger-ohlc">
                  O {formatDecimal(candle.open)} · H {formatDecimal(candle.high)} · L {formatDecimal(candle.low)} · C{' '}
                  {formatDecimal(candle.close)}
                </span>
              )}
            </dd>
          </div>
          {mode && (
            <div className="risk-grid__row" data-term="Mode">
              <dt>Mode</dt>
              <dd>
                {mode}
                {source.config_id != null ? ` (configuration #${source.config_id})` : ''}
              </dd>
            </div>
          )}
        </dl>
        <Link to={`/patterns?selected=${encodeURIComponent(String(pattern.id))}`}>See the pattern and its chart</Link>
      </Card.Body>
    </Card>
  );
}
