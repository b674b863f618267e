// The JWT pair, kept in sessionStorage (gone when the tab closes) and observable so that the
// UI follows a login, a refresh or a forced logout wherever it happens.

export interface StoredTokens {
  access: string;
  refresh: string;
  username?: string;
}

export type LogoutReason = 'expired' | 'signed_out';

const STORAGE_KEY = 'robson.auth';

type Listener = () => void;
const listeners = new Set<Listener>();
let current: StoredTokens | null = readFromStorage();
let lastLogoutReason: LogoutReason | null = null;

function readFromStorage(): StoredTokens | null {
  try {
    const text = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<StoredTokens>;
    if (typeof parsed.access === 'string' && typeof parsed.refresh === 'string') {
      return { access: parsed.access, refresh: parsed.refresh, username: parsed.username };
    }
  } catch {
    // Unreadable storage: start signed out.
  }
  return null;
}

function writeToStorage(tokens: StoredTokens | null): void {
  try {
    if (tokens) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or full storage: the session lives in memory only.
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  get(): StoredTokens | null {
    return current;
  },
  accessToken(): string | null {
    return current?.access ?? null;
  },
  set(tokens: StoredTokens): void {
    current = tokens;
    lastLogoutReason = null;
    writeToStorage(tokens);
    notify();
  },
  replaceAccess(access: string): void {
    if (!current) return;
    current = { ...current, access };
    writeToStorage(current);
    notify();
  },
  clear(reason: LogoutReason): void {
    current = null;
    lastLogoutReason = reason;
    writeToStorage(null);
    notify();
  },
  logoutReason(): LogoutReason | null {
    return lastLogoutReason;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Tests only: forget everything, including the storage. */
  reset(): void {
    current = null;
    lastLogoutReason = null;
    writeToStorage(null);
    notify();
  },
};
