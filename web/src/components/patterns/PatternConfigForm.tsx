import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Col from 'react-bootstrap/Col';
import Form from 'react-bootstrap/Form';
import Modal from 'react-bootstrap/Modal';
import Row from 'react-bootstrap/Row';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorDetail } from '../../api/client';
import { api } from '../../api/endpoints';
import { usePatternCatalog } from '../../api/patternQueries';
import { queryKeys } from '../../api/queryKeys';
import { useStrategies, useSymbols } from '../../api/referenceQueries';
import type { PatternConfig, PatternConfigMode, PatternConfigRequest } from '../../api/types';
import { apiFieldError } from '../../lib/apiFieldError';
import { capitalError, normalizeCapital } from '../../lib/decimal';
import { MODE_HELP, MODE_LABELS, minConfidenceError } from '../../lib/patterns';
import { formatTime } from '../../lib/time';
import { TIMEFRAMES } from '../StartNewOperationModal';

export interface ConfigFormState {
  strategyId: string;
  pattern: string;
  symbols: string[];
  timeframes: string[];
  minConfidence: string; // decimal strings, exactly as typed
  capital: string;
  mode: PatternConfigMode;
  acknowledgeRisk: boolean;
  enabled: boolean;
}

export type ConfigField = keyof ConfigFormState;
export type ConfigErrors = Partial<Record<ConfigField, string>>;

const MODES: PatternConfigMode[] = ['manual', 'auto_dry_run', 'auto_live'];
// The API's limits (the pattern_configs table's CHECKs).
const MAX_SYMBOLS = 50;
const MAX_TIMEFRAMES = 10;
const FIELD_ORDER: ConfigField[] = ['strategyId', 'pattern', 'symbols', 'timeframes', 'minConfidence', 'capital', 'mode', 'acknowledgeRisk'];

// The API's names for the fields, and the error codes that are about one field.
const API_FIELDS: Record<string, ConfigField> = {
  strategy_id: 'strategyId',
  strategy: 'strategyId',
  pattern: 'pattern',
  symbols: 'symbols',
  symbol: 'symbols',
  timeframes: 'timeframes',
  timeframe: 'timeframes',
  min_confidence: 'minConfidence',
  capital: 'capital',
  mode: 'mode',
  acknowledge_risk: 'acknowledgeRisk',
  enabled: 'enabled',
};
const API_CODES: Record<string, ConfigField> = {
  risk_not_acknowledged: 'acknowledgeRisk',
  strategy_not_found: 'strategyId',
  symbol_not_found: 'symbols',
};

export const EMPTY_CONFIG_FORM: ConfigFormState = {
  strategyId: '',
  pattern: '',
  symbols: [],
  timeframes: ['15m'],
  minConfidence: '0.70',
  capital: '100',
  mode: 'manual',
  acknowledgeRisk: false,
  enabled: true,
};

export function formFromConfig(config: PatternConfig): ConfigFormState {
  return {
    strategyId: String(config.strategy_id),
    pattern: config.pattern,
    symbols: [...config.symbols],
    timeframes: [...config.timeframes],
    minConfidence: config.min_confidence,
    capital: config.capital,
    mode: config.mode,
    acknowledgeRisk: false,
    enabled: config.enabled,
  };
}

/** LIVE was acknowledged before and stays LIVE: no need to tick the box again. */
function liveAlreadyAcknowledged(original: PatternConfig | null, form: ConfigFormState): boolean {
  return !!original && original.mode === 'auto_live' && !!original.risk_acknowledged_at && form.mode === 'auto_live';
}

export function validateConfigForm(form: ConfigFormState, original: PatternConfig | null = null): ConfigErrors {
  const errors: ConfigErrors = {};
  if (!form.strategyId) errors.strategyId = 'Choose a strategy.';
  if (!form.pattern) errors.pattern = 'Choose a pattern.';
  if (form.symbols.length === 0) errors.symbols = 'Choose at least one symbol.';
  else if (form.symbols.length > MAX_SYMBOLS) errors.symbols = `Choose at most ${MAX_SYMBOLS} symbols.`;
  if (form.timeframes.length === 0) errors.timeframes = 'Choose at least one timeframe.';
  else if (form.timeframes.length > MAX_TIMEFRAMES) errors.timeframes = `Choose at most ${MAX_TIMEFRAMES} timeframes.`;
  const confidence = minConfidenceError(form.minConfidence);
  if (confidence) errors.minConfidence = confidence;
  const capital = capitalError(form.capital);
  if (capital) errors.capital = capital;
  if (form.mode === 'auto_live' && !form.acknowledgeRisk && !liveAlreadyAcknowledged(original, form)) {
    errors.acknowledgeRisk = 'Automatic LIVE sends real orders: tick the acknowledgement to choose it.';
  }
  return errors;
}

const sameSet = (a: string[], b: string[]) => [...a].sort().join(',') === [...b].sort().join(',');

export function createRequest(form: ConfigFormState): PatternConfigRequest {
  return {
    strategy_id: Number(form.strategyId),
    pattern: form.pattern,
    symbols: form.symbols,
    timeframes: form.timeframes,
    min_confidence: form.minConfidence.trim(),
    capital: normalizeCapital(form.capital),
    mode: form.mode,
    acknowledge_risk: form.mode === 'auto_live' && form.acknowledgeRisk,
    enabled: form.enabled,
  };
}

/** PATCH: only what changed; switching to Automatic LIVE carries the acknowledgement with it. */
export function updateRequest(original: PatternConfig, form: ConfigFormState): Partial<PatternConfigRequest> {
  const full = createRequest(form);
  const changes: Partial<PatternConfigRequest> = {};
  if (full.strategy_id !== original.strategy_id) changes.strategy_id = full.strategy_id;
  if (full.pattern !== original.pattern) changes.pattern = full.pattern;
  if (!sameSet(full.symbols, original.symbols)) changes.symbols = full.symbols;
  if (!sameSet(full.timeframes, original.timeframes)) changes.timeframes = full.timeframes;
  if (full.min_confidence !== original.min_confidence) changes.min_confidence = full.min_confidence;
  if (full.capital !== original.capital) changes.capital = full.capital;
  if (full.enabled !== original.enabled) changes.enabled = full.enabled;
  if (full.mode !== original.mode) {
    changes.mode = full.mode;
    if (full.mode === 'auto_live') changes.acknowledge_risk = true;
  }
  return changes;
}

function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
  disabled,
  help,
}: {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (next: string[]) => void;
  error: string | undefined;
  disabled: boolean;
  help?: ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className="mb-3 checkbox-group"
      id={id}
      tabIndex={-1}
      aria-invalid={!!error}
      aria-describedby={describedBy}
    >
      <legend className="form-label fs-6 mb-1">{legend}</legend>
      <div className={`checkbox-group__options ${error ? 'is-invalid' : ''}`}>
        {options.map((option) => (
          <Form.Check
            key={option.value}
            inline
            type="checkbox"
            id={`${id}-${option.value}`}
            label={option.label}
            checked={selected.includes(option.value)}
            disabled={disabled}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))
            }
          />
        ))}
      </div>
      {error && (
        <div className="invalid-feedback d-block" id={`${id}-error`}>
          {error}
        </div>
      )}
      {help && (
        <Form.Text id={`${id}-help`} className="d-block">
          {help}
        </Form.Text>
      )}
    </fieldset>
  );
}

interface PatternConfigFormProps {
  show: boolean;
  /** The configuration being edited, or null to create one. */
  config: PatternConfig | null;
  onHide: () => void;
  onSaved: (config: PatternConfig, created: boolean) => void;
}

/** Create or edit a pattern configuration: what to watch, what to trade when it appears, and how. */
export function PatternConfigForm({ show, config, onHide, onSaved }: PatternConfigFormProps) {
  const queryClient = useQueryClient();
  const idPrefix = useId().replace(/:/g, '');
  const strategies = useStrategies(show);
  const symbols = useSymbols(show);
  const catalog = usePatternCatalog();
  const [form, setForm] = useState<ConfigFormState>(EMPTY_CONFIG_FORM);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<{ field: ConfigField | null; detail: string } | null>(null);

  const strategyList = strategies.data?.results ?? [];
  const symbolList = symbols.data?.results ?? [];
  const patternList = catalog.data?.results ?? [];

  // A fresh form each time the dialog opens: the configuration's values, or the defaults.
  useEffect(() => {
    if (!show) return;
    setForm(config ? formFromConfig(config) : EMPTY_CONFIG_FORM);
    setTouched(false);
    setServerError(null);
  }, [show, config]);

  // Defaults for a new configuration once the lists arrive.
  useEffect(() => {
    if (!show || config) return;
    setForm((current) => {
      let next = current;
      if (!current.strategyId && strategyList.length > 0) {
        const preferred = strategyList.find((s) => s.name === 'All In') ?? strategyList[0]!;
        next = { ...next, strategyId: String(preferred.id) };
      }
      if (!current.pattern && patternList.length > 0) next = { ...next, pattern: patternList[0]!.pattern };
      return next;
    });
  }, [show, config, strategyList, patternList]);

  const save = useMutation({
    mutationFn: async (): Promise<{ config: PatternConfig; created: boolean }> => {
      if (!config) return { config: (await api.createPatternConfig(createRequest(form))).data, created: true };
      const changes = updateRequest(config, form);
      if (Object.keys(changes).length === 0) return { config, created: false };
      return { config: (await api.updatePatternConfig(config.id, changes)).data, created: false };
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.patternConfigs });
      onSaved(result.config, result.created);
      onHide();
    },
    onError: (error) => {
      const found = apiFieldError(error, API_FIELDS, API_CODES);
      setServerError(found);
      if (found.field) focusField(found.field);
    },
  });

  const errors: ConfigErrors = touched ? validateConfigForm(form, config) : {};
  if (serverError?.field && !errors[serverError.field]) errors[serverError.field] = serverError.detail;
  const submitting = save.isPending;
  const fieldId = (field: ConfigField) => `${idPrefix}-${field}`;

  function focusField(field: ConfigField) {
    const element = document.getElementById(fieldId(field));
    // A group of checkboxes takes the focus on its first box.
    const target = element?.tagName === 'FIELDSET' ? element.querySelector<HTMLElement>('input') ?? element : element;
    target?.focus();
  }

  function update<K extends ConfigField>(key: K, value: ConfigFormState[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    if (serverError?.field === key) setServerError(null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setServerError(null);
    const found = validateConfigForm(form, config);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) return focusField(first);
    save.mutate();
  }

  const loadingLists = strategies.isLoading || symbols.isLoading || catalog.isLoading;
  const listError = strategies.error ?? symbols.error ?? catalog.error;
  const selectedPattern = patternList.find((p) => p.pattern === form.pattern);
  const feedback = (field: ConfigField) =>
    errors[field] ? (
      <Form.Control.Feedback type="invalid" id={`${fieldId(field)}-error`}>
        {errors[field]}
      </Form.Control.Feedback>
    ) : null;
  const invalidProps = (field: ConfigField, help?: string) => ({
    isInvalid: !!errors[field],
    'aria-invalid': !!errors[field],
    'aria-describedby': [errors[field] ? `${fieldId(field)}-error` : '', help ?? ''].filter(Boolean).join(' ') || undefined,
  });
  const keptAcknowledgement = liveAlreadyAcknowledged(config, form);

  return (
    <Modal
      show={show}
      onHide={submitting ? () => undefined : onHide}
      aria-labelledby={`${idPrefix}-title`}
      centered
      size="lg"
      scrollable
    >
      <Modal.Header closeButton={!submitting} closeLabel="Close">
        <Modal.Title id={`${idPrefix}-title`}>{config ? `Edit configuration #${config.id}` : 'New pattern configuration'}</Modal.Title>
      </Modal.Header>
      <Form noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title`} className="pattern-config-form">
        <Modal.Body>
          <p className="text-body-secondary small">
            When this pattern is confirmed on one of these symbols and timeframes with at least this confidence, Robson
            plans a trade with the strategy and capital below, and validates it with the usual guards.
          </p>
          {listError && (
            <Alert variant="danger" role="alert">
              Could not load the strategies, symbols and patterns: {errorDetail(listError)}
            </Alert>
          )}
          {serverError && (
            <Alert variant="danger" role="alert" className="config-error">
              The configuration was not saved: {serverError.detail}
            </Alert>
          )}
          <Row>
            <Col xs={12} md={6}>
              <Form.Group className="mb-3" controlId={fieldId('strategyId')}>
                <Form.Label>Strategy</Form.Label>
                <Form.Select
                  value={form.strategyId}
                  onChange={(e) => update('strategyId', e.target.value)}
                  aria-required="true"
                  disabled={submitting}
                  {...invalidProps('strategyId')}
                >
                  <option value="">{loadingLists ? 'Loading strategies…' : 'Select a strategy…'}</option>
                  {strategyList.map((strategy) => (
                    <option key={strategy.id} value={String(strategy.id)}>
                      {strategy.name}
                    </option>
                  ))}
                </Form.Select>
                {feedback('strategyId')}
              </Form.Group>
            </Col>
            <Col xs={12} md={6}>
              <Form.Group className="mb-3" controlId={fieldId('pattern')}>
                <Form.Label>Pattern</Form.Label>
                <Form.Select
                  value={form.pattern}
                  onChange={(e) => update('pattern', e.target.value)}
                  aria-required="true"
                  disabled={submitting}
                  {...invalidProps('pattern', `${fieldId('pattern')}-help`)}
                >
                  <option value="">{loadingLists ? 'Loading patterns…' : 'Select a pattern…'}</option>
                  {patternList.map((entry) => (
                    <option key={entry.pattern} value={entry.pattern}>
                      {entry.pattern} ({entry.direction})
                    </option>
                  ))}
                </Form.Select>
                {feedback('pattern')}
                <Form.Text id={`${fieldId('pattern')}-help`} className="d-block">
                  {selectedPattern
                    ? `${selectedPattern.description} Direction ${selectedPattern.direction}; base confidence ${selectedPattern.base_confidence}.`
                    : ''}
                </Form.Text>
              </Form.Group>
            </Col>
          </Row>

          <CheckboxGroup
            id={fieldId('symbols')}
            legend="Symbols"
            options={symbolList.map((s) => ({ value: s.symbol, label: `${s.base_asset}/${s.quote_asset}` }))}
            selected={form.symbols}
            onChange={(next) => update('symbols', next)}
            error={errors.symbols}
            disabled={submitting}
          />
          <CheckboxGroup
            id={fieldId('timeframes')}
            legend="Timeframes"
            options={TIMEFRAMES.map((t) => ({ value: t, label: t }))}
            selected={form.timeframes}
            onChange={(next) => update('timeframes', next)}
            error={errors.timeframes}
            disabled={submitting}
            help="At most 10. Each timeframe is scanned at every candle close."
          />

          <Row>
            <Col xs={12} sm={6}>
              <Form.Group className="mb-3" controlId={fieldId('minConfidence')}>
                <Form.Label>Minimum confidence</Form.Label>
                <Form.Control
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={form.minConfidence}
                  onChange={(e) => update('minConfidence', e.target.value)}
                  aria-required="true"
                  disabled={submitting}
                  {...invalidProps('minConfidence', `${fieldId('minConfidence')}-help`)}
                />
                {feedback('minConfidence')}
                <Form.Text id={`${fieldId('minConfidence')}-help`}>From 0 to 1, up to 3 decimals; 0.70 means 70 %.</Form.Text>
              </Form.Group>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Group className="mb-3" controlId={fieldId('capital')}>
                <Form.Label>Capital per trade</Form.Label>
                <Form.Control
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={form.capital}
                  onChange={(e) => update('capital', e.target.value)}
                  aria-required="true"
                  disabled={submitting}
                  {...invalidProps('capital', `${fieldId('capital')}-help`)}
                />
                {feedback('capital')}
                <Form.Text id={`${fieldId('capital')}-help`}>
                  In the quote asset (USDT). Greater than 0, at most 1,000,000,000, up to 8 decimals.
                </Form.Text>
              </Form.Group>
            </Col>
          </Row>

          <fieldset className="mb-3" id={fieldId('mode')} tabIndex={-1} aria-describedby={`${fieldId('mode')}-help`}>
            <legend className="form-label fs-6 mb-1">Mode</legend>
            {MODES.map((mode) => (
              <Form.Check
                key={mode}
                type="radio"
                name={`${idPrefix}-mode`}
                id={`${fieldId('mode')}-${mode}`}
                label={MODE_LABELS[mode]}
                checked={form.mode === mode}
                disabled={submitting}
                onChange={() => update('mode', mode)}
              />
            ))}
            {errors.mode && <div className="invalid-feedback d-block">{errors.mode}</div>}
            <Form.Text id={`${fieldId('mode')}-help`} className="d-block">
              {MODE_HELP[form.mode]}
            </Form.Text>
          </fieldset>

          {form.mode === 'auto_live' && (
            <Alert variant="danger" className="live-warning">
              <Alert.Heading as="h3" className="h6">
                Automatic LIVE places real orders without asking you
              </Alert.Heading>
              <p className="small">
                Every trade this configuration makes that passes the guards and the guardrails (kill switch, daily cap,
                cooldown) is sent to the exchange at once, and can lose money. You can stop all automatic execution at
                any moment with the kill switch.
              </p>
              {keptAcknowledgement ? (
                <p className="small mb-0">
                  You acknowledged this risk on {formatTime(config?.risk_acknowledged_at)}.
                </p>
              ) : (
                <Form.Check
                  type="checkbox"
                  id={fieldId('acknowledgeRisk')}
                  label="I understand the risk: Robson will place real LIVE orders for this configuration without asking me."
                  checked={form.acknowledgeRisk}
                  disabled={submitting}
                  isInvalid={!!errors.acknowledgeRisk}
                  aria-invalid={!!errors.acknowledgeRisk}
                  aria-describedby={errors.acknowledgeRisk ? `${fieldId('acknowledgeRisk')}-error` : undefined}
                  onChange={(e) => update('acknowledgeRisk', e.target.checked)}
                />
              )}
              {errors.acknowledgeRisk && (
                <div className="invalid-feedback d-block" id={`${fieldId('acknowledgeRisk')}-error`}>
                  {errors.acknowledgeRisk}
                </div>
              )}
            </Alert>
          )}

          <Form.Check
            type="switch"
            id={fieldId('enabled')}
            label="Enabled (scan and trade with this configuration)"
            checked={form.enabled}
            disabled={submitting}
            onChange={(e) => update('enabled', e.target.checked)}
          />
        </Modal.Body>
        <Modal.Footer>
          <Button variant="outline-secondary" onClick={onHide} disabled={submitting}>
            Cancel
          </Button>
          <Button variant={form.mode === 'auto_live' ? 'danger' : 'primary'} type="submit" disabled={submitting || loadingLists}>
            {submitting ? (
              <>
                <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />
                Saving…
              </>
            ) : config ? (
              'Save changes'
            ) : (
              'Create configuration'
            )}
          </Button>
        </Modal.Footer>
      </Form>
    </Modal>
  );
}
