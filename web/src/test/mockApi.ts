// A fetch stand-in for component tests: routes "METHOD /path" (query string ignored unless
// the route includes one) to handlers; every call is recorded.
import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  url: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type Reply = { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;
export type Handler = (call: RecordedCall) => Reply;

export function jsonReply(status: number, body?: unknown) {
  return { status, body };
}

export function mockApi(routes: Record<string, Handler | { status: number; body?: unknown }>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0]!;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const headers = { ...((init?.headers as Record<string, string>) ?? {}) };
    const call = { method, url, path, body, headers };
    calls.push(call);
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    if (!route) return new Response(JSON.stringify({ detail: `no mock for ${method} ${url}`, code: 'not_found' }), { status: 404 });
    const reply = await (typeof route === 'function' ? route(call) : route);
    // A 204 (or 304) may carry no body at all, not even an empty one.
    const bodyless = reply.status === 204 || reply.status === 304;
    return new Response(bodyless ? null : reply.body === undefined ? '' : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

/** A reply that waits until release() is called: for loading states. */
export function deferredReply(reply: { status: number; body?: unknown }) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { handler: () => gate.then(() => reply), release };
}
