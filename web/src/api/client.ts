// The one place that talks HTTP to the Robson API: relative /api paths (same origin), the
// bearer token, one refresh when the access token has expired, and the API's error body
// turned into an ApiError whose `detail` is a sentence for a person.
import { tokenStore } from '../auth/tokenStore';
import type { ApiErrorBody, RefreshedToken } from './types';

export const NETWORK_ERROR_DETAIL =
  'Cannot reach the Robson API. Check your connection or that the server is running, then try again.';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly body: unknown;

  constructor(status: number, code: string, detail: string, body: unknown = null) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.body = body;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/** A sentence for any error a request can end with. */
export function errorDetail(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** false for /api/auth/*: no bearer token, no refresh, a 401 is just an error. */
  authenticated?: boolean;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'detail' in body) {
    const error = body as Partial<ApiErrorBody>;
    return new ApiError(
      status,
      typeof error.code === 'string' ? error.code : 'error',
      typeof error.detail === 'string' ? error.detail : `The API answered ${status}.`,
      body,
    );
  }
  const detail =
    status >= 500
      ? `The Robson API is not available right now (HTTP ${status}). Try again in a moment.`
      : `The request failed (HTTP ${status}).`;
  return new ApiError(status, status >= 500 ? 'unavailable' : 'error', detail, body);
}

async function send(path: string, options: RequestOptions, accessToken: string | null) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_ERROR_DETAIL);
  }
}

let refreshInFlight: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new access token; one request however many callers. */
export function refreshAccessToken(): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight;
  const tokens = tokenStore.get();
  if (!tokens) return Promise.resolve(false);
  refreshInFlight = (async () => {
    try {
      const response = await send(
        '/api/auth/token/refresh/',
        { method: 'POST', body: { refresh: tokens.refresh } },
        null,
      );
      if (!response.ok) return false;
      const body = (await readJson(response)) as RefreshedToken | null;
      if (!body || typeof body.access !== 'string') return false;
      tokenStore.replaceAccess(body.access);
      return true;
    } catch {
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

async function unauthenticatedCode(response: Response): Promise<{ code: string; body: unknown }> {
  const body = await readJson(response);
  const code =
    body && typeof body === 'object' && typeof (body as ApiErrorBody).code === 'string'
      ? (body as ApiErrorBody).code
      : 'not_authenticated';
  return { code, body };
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const authenticated = options.authenticated ?? true;
  let response = await send(path, options, authenticated ? tokenStore.accessToken() : null);

  if (authenticated && response.status === 401) {
    const { code, body } = await unauthenticatedCode(response);
    if (code === 'token_expired' && (await refreshAccessToken())) {
      response = await send(path, options, tokenStore.accessToken());
    } else {
      tokenStore.clear('expired');
      throw toApiError(401, body);
    }
    if (response.status === 401) {
      const again = await readJson(response);
      tokenStore.clear('expired');
      throw toApiError(401, again);
    }
  }

  const body = await readJson(response);
  if (!response.ok) throw toApiError(response.status, body);
  return { status: response.status, data: body as T };
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await apiRequest<T>(path, { signal })).data;
}

export function apiPost<T>(path: string, body: unknown, authenticated = true): Promise<ApiResponse<T>> {
  return apiRequest<T>(path, { method: 'POST', body, authenticated });
}

export function apiPut<T>(path: string, body: unknown): Promise<ApiResponse<T>> {
  return apiRequest<T>(path, { method: 'PUT', body });
}

export function apiPatch<T>(path: string, body: unknown): Promise<ApiResponse<T>> {
  return apiRequest<T>(path, { method: 'PATCH', body });
}

export function apiDelete(path: string): Promise<ApiResponse<null>> {
  return apiRequest<null>(path, { method: 'DELETE' });
}
