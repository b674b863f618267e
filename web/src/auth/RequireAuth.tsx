import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './useSession';
import { tokenStore } from './tokenStore';

/** Pages behind the login: without a session (or once a 401 ends it) → /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, reason: tokenStore.logoutReason() }}
      />
    );
  }
  return <>{children}</>;
}
