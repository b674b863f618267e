import Badge from 'react-bootstrap/Badge';
import type { PatternState } from '../../api/types';
import { patternStateVariant } from '../../lib/patterns';

export function PatternStateBadge({ state }: { state: PatternState }) {
  const { bg, text } = patternStateVariant(state);
  return (
    <Badge bg={bg} text={text} className="pattern-state-badge" data-state={state}>
      {state}
    </Badge>
  );
}

/** BUY in green, SELL in red; the word carries the meaning, the colour only helps. */
export function DirectionBadge({ direction }: { direction: string }) {
  const sell = direction === 'SELL';
  return (
    <Badge bg={sell ? 'danger' : 'success'} className="direction-badge" data-direction={direction}>
      {direction}
    </Badge>
  );
}
