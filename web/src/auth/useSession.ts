import { useSyncExternalStore } from 'react';
import { tokenStore, type StoredTokens } from './tokenStore';

/** The signed-in session (null when signed out); re-renders on login, refresh and logout. */
export function useSession(): StoredTokens | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get, tokenStore.get);
}
