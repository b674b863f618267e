import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { errorDetail, isApiError } from '../api/client';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import { useStrategies, useSymbols } from '../api/referenceQueries';
import type { ApiErrorBody, Intent } from '../api/types';
import { capitalError, normalizeCapital } from '../lib/decimal';

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d'];

interface FormState {
  strategyId: string;
  symbol: string;
  capital: string; // a decimal string, exactly as typed: never a float
  timeframe: string;
}

type FieldErrors = Partial<Record<keyof FormState, string>>;

const INITIAL_FORM: FormState = { strategyId: '', symbol: '', capital: '100', timeframe: '' };

export function validateOperationForm(form: FormState): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.strategyId) errors.strategyId = 'Choose a strategy.';
  if (!form.symbol) errors.symbol = 'Choose a symbol.';
  const capital = capitalError(form.capital);
  if (capital) errors.capital = capital;
  return errors;
}

interface SubmitFailure {
  detail: string;
  refusedIntentId?: string;
}

interface StartNewOperationModalProps {
  show: boolean;
  onHide: () => void;
}

/** PLAN: choose what to trade; Robson works out how (stop, size, orders) and checks it. */
export function StartNewOperationModal({ show, onHide }: StartNewOperationModalProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const strategies = useStrategies(show);
  const symbols = useSymbols(show);
  const [form, setForm] = useState<FormState>(INITIAL_FORM);
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  // Back to the button that opened the dialog, unless we move on to the intent's page (whose
  // heading then takes the focus).
  const [restoreFocus, setRestoreFocus] = useState(true);
  const strategyRef = useRef<HTMLSelectElement>(null);
  const capitalRef = useRef<HTMLInputElement>(null);
  const symbolRef = useRef<HTMLSelectElement>(null);
  const idPrefix = useId();

  const errors = touched ? validateOperationForm(form) : {};
  const strategyList = strategies.data?.results ?? [];
  const symbolList = symbols.data?.results ?? [];
  const selectedStrategy = strategyList.find((s) => String(s.id) === form.strategyId);
  const quoteAsset = symbolList.find((s) => s.symbol === form.symbol)?.quote_asset ?? 'USDT';

  // Defaults once the lists arrive: "All In" (or the first strategy) and the first symbol.
  useEffect(() => {
    if (!show) return;
    setForm((current) => {
      let next = current;
      if (!current.strategyId && strategyList.length > 0) {
        const preferred = strategyList.find((s) => s.name === 'All In') ?? strategyList[0]!;
        next = { ...next, strategyId: String(preferred.id), timeframe: next.timeframe || preferred.timeframe || '' };
      }
      if (!current.symbol && symbolList.length > 0) {
        const preferred = symbolList.find((s) => s.symbol === 'BTCUSDT') ?? symbolList[0]!;
        next = { ...next, symbol: preferred.symbol };
      }
      return next;
    });
  }, [show, strategyList, symbolList]);

  const create = useMutation({
    mutationFn: () =>
      api.createIntent({
        strategy_id: Number(form.strategyId),
        symbol: form.symbol,
        capital: normalizeCapital(form.capital),
        ...(form.timeframe ? { timeframe: form.timeframe } : {}),
      }),
    onSuccess: ({ data }) => {
      queryClient.setQueryData<Intent>(queryKeys.intentStatus(data.intent_id), data);
      void queryClient.invalidateQueries({ queryKey: queryKeys.allIntents });
      goToIntent(data.intent_id);
    },
    onError: (error) => {
      const body = isApiError(error) ? (error.body as Partial<ApiErrorBody> | null) : null;
      const refusedIntentId =
        isApiError(error) && error.status === 422 && typeof body?.intent_id === 'string' ? body.intent_id : undefined;
      if (refusedIntentId) void queryClient.invalidateQueries({ queryKey: queryKeys.allIntents });
      setFailure({ detail: errorDetail(error), refusedIntentId });
    },
  });

  function goToIntent(id: string) {
    setRestoreFocus(false);
    closeAndReset();
    navigate(`/trading-intent/${encodeURIComponent(id)}`);
  }

  function closeAndReset() {
    setForm(INITIAL_FORM);
    setTouched(false);
    setFailure(null);
    create.reset();
    onHide();
  }

  function update<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((current) => ({ ...current, [key]: value }));
  }

  function onStrategyChange(value: string) {
    const strategy = strategyList.find((s) => String(s.id) === value);
    setForm((current) => ({ ...current, strategyId: value, timeframe: strategy?.timeframe ?? current.timeframe }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setFailure(null);
    const found = validateOperationForm(form);
    if (found.strategyId) return strategyRef.current?.focus();
    if (found.symbol) return symbolRef.current?.focus();
    if (found.capital) return capitalRef.current?.focus();
    create.mutate();
  }

  const loadingLists = strategies.isLoading || symbols.isLoading;
  const listError = strategies.error ?? symbols.error;
  const submitting = create.isPending;

  return (
    <Modal
      show={show}
      onHide={submitting ? () => undefined : closeAndReset}
      onEnter={() => setRestoreFocus(true)}
      restoreFocus={restoreFocus}
      onExited={() => {
        // The dialog held the focus until now; give it to the new page's heading.
        if (!restoreFocus) document.querySelector<HTMLElement>('main h1')?.focus();
      }}
      aria-labelledby={`${idPrefix}-title`}
      centered
    >
      <Modal.Header closeButton={!submitting} closeLabel="Close">
        <Modal.Title id={`${idPrefix}-title`}>Start New Operation</Modal.Title>
      </Modal.Header>
      <Form noValidate onSubmit={onSubmit} aria-describedby={`${idPrefix}-intro`}>
        <Modal.Body>
          <p id={`${idPrefix}-intro`} className="text-body-secondary small">
            Say what to trade; Robson works out the technical stop, the position size (at most the strategy’s risk
            per trade) and checks the plan with five guards. Nothing is sent to the exchange until you execute.
          </p>
          {listError && (
            <Alert variant="danger" role="alert">
              Could not load the strategies and symbols: {errorDetail(listError)}
            </Alert>
          )}
          {failure && (
            <Alert variant="danger" role="alert" className="create-error">
              <div>{failure.detail}</div>
              {failure.refusedIntentId && (
                <Button
                  variant="link"
                  className="p-0"
                  onClick={() => goToIntent(failure.refusedIntentId!)}
                >
                  See the refused plan
                </Button>
              )}
            </Alert>
          )}

          <Form.Group className="mb-3" controlId={`${idPrefix}-strategy`}>
            <Form.Label>Strategy</Form.Label>
            <Form.Select
              ref={strategyRef}
              value={form.strategyId}
              onChange={(e) => onStrategyChange(e.target.value)}
              isInvalid={!!errors.strategyId}
              aria-invalid={!!errors.strategyId}
              aria-describedby={errors.strategyId ? `${idPrefix}-strategy-error` : undefined}
              aria-required="true"
              disabled={submitting}
            >
              <option value="">{loadingLists ? 'Loading strategies…' : 'Select a strategy…'}</option>
              {strategyList.map((strategy) => (
                <option key={strategy.id} value={String(strategy.id)}>
                  {strategy.name}
                </option>
              ))}
            </Form.Select>
            <Form.Control.Feedback type="invalid" id={`${idPrefix}-strategy-error`}>
              {errors.strategyId}
            </Form.Control.Feedback>
            {selectedStrategy?.description && (
              <Form.Text className="d-block">{selectedStrategy.description}</Form.Text>
            )}
            {selectedStrategy?.risk_percent && (
              <Form.Text className="d-block">
                Risk per trade: {selectedStrategy.risk_percent} % of capital; side {selectedStrategy.default_side ?? 'BUY'}.
              </Form.Text>
            )}
          </Form.Group>

          <Form.Group className="mb-3" controlId={`${idPrefix}-symbol`}>
            <Form.Label>Symbol</Form.Label>
            <Form.Select
              ref={symbolRef}
              value={form.symbol}
              onChange={(e) => update('symbol', e.target.value)}
              isInvalid={!!errors.symbol}
              aria-invalid={!!errors.symbol}
              aria-describedby={errors.symbol ? `${idPrefix}-symbol-error` : undefined}
              aria-required="true"
              disabled={submitting}
            >
              <option value="">{loadingLists ? 'Loading symbols…' : 'Select a symbol…'}</option>
              {symbolList.map((symbol) => (
                <option key={symbol.symbol} value={symbol.symbol}>
                  {symbol.base_asset}/{symbol.quote_asset}
                </option>
              ))}
            </Form.Select>
            <Form.Control.Feedback type="invalid" id={`${idPrefix}-symbol-error`}>
              {errors.symbol}
            </Form.Control.Feedback>
          </Form.Group>

          <Row>
            <Col xs={12} sm={7}>
              <Form.Group className="mb-3" controlId={`${idPrefix}-capital`}>
                <Form.Label>Capital ({quoteAsset})</Form.Label>
                <Form.Control
                  ref={capitalRef}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={form.capital}
                  onChange={(e) => update('capital', e.target.value)}
                  isInvalid={!!errors.capital}
                  aria-invalid={!!errors.capital}
                  aria-required="true"
                  aria-describedby={
                    errors.capital ? `${idPrefix}-capital-error ${idPrefix}-capital-help` : `${idPrefix}-capital-help`
                  }
                  disabled={submitting}
                />
                <Form.Control.Feedback type="invalid" id={`${idPrefix}-capital-error`}>
                  {errors.capital}
                </Form.Control.Feedback>
                <Form.Text id={`${idPrefix}-capital-help`}>
                  Greater than 0, at most 1,000,000,000, up to 8 decimals.
                </Form.Text>
              </Form.Group>
            </Col>
            <Col xs={12} sm={5}>
              <Form.Group className="mb-3" controlId={`${idPrefix}-timeframe`}>
                <Form.Label>Timeframe</Form.Label>
                <Form.Select
                  value={form.timeframe}
                  onChange={(e) => update('timeframe', e.target.value)}
                  disabled={submitting}
                >
                  <option value="">Strategy default</option>
                  {TIMEFRAMES.map((timeframe) => (
                    <option key={timeframe} value={timeframe}>
                      {timeframe}
                    </option>
                  ))}
                </Form.Select>
              </Form.Group>
            </Col>
          </Row>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="outline-secondary" onClick={closeAndReset} disabled={submitting}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={submitting || loadingLists}>
            {submitting ? (
              <>
                <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />
                Creating plan…
              </>
            ) : (
              'Create plan'
            )}
          </Button>
        </Modal.Footer>
      </Form>
    </Modal>
  );
}
