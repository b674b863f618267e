import { errorDetail, isApiError } from '../api/client';

/**
 * Which form field an API error is about, so its detail can be shown under that field.
 * The API names the field in the detail ("'min_confidence' must be …", http_errors.cpp) or
 * in the code (risk_not_acknowledged, strategy_not_found…); `fields` maps the API's names to
 * the form's, `codes` the codes. Null when the error is about no one field.
 */
export function apiErrorField<F extends string>(
  error: unknown,
  fields: Record<string, F>,
  codes: Record<string, F> = {},
): F | null {
  if (!isApiError(error)) return null;
  const byCode = codes[error.code];
  if (byCode) return byCode;
  if (error.body && typeof error.body === 'object') {
    const named = (error.body as { field?: unknown }).field;
    if (typeof named === 'string' && fields[named]) return fields[named]!;
  }
  const quoted = /'([a-z_]+)'/.exec(error.detail)?.[1];
  if (quoted && fields[quoted]) return fields[quoted]!;
  for (const name of Object.keys(fields).sort((a, b) => b.length - a.length)) {
    if (new RegExp(`\\b${name}\\b`).test(error.detail)) return fields[name]!;
  }
  return null;
}

/** The error as `{ field, detail }`: the field it belongs under (or null) and its sentence. */
export function apiFieldError<F extends string>(
  error: unknown,
  fields: Record<string, F>,
  codes: Record<string, F> = {},
): { field: F | null; detail: string } {
  return { field: apiErrorField(error, fields, codes), detail: errorDetail(error) };
}
