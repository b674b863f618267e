import type { ReactNode } from 'react';

/** The page's h1; focusable so that focus can land on it after a navigation. */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <h1 tabIndex={-1} className={`h3 page-heading ${className ?? ''}`.trim()}>
      {children}
    </h1>
  );
}
