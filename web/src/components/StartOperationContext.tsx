import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { StartNewOperationModal } from './StartNewOperationModal';

const StartOperationContext = createContext<() => void>(() => undefined);

/** One "Start New Operation" modal for the whole app, opened from the navbar or a page. */
export function StartOperationProvider({ children }: { children: ReactNode }) {
  const [show, setShow] = useState(false);
  const open = useMemo(() => () => setShow(true), []);
  return (
    <StartOperationContext.Provider value={open}>
      {children}
      <StartNewOperationModal show={show} onHide={() => setShow(false)} />
    </StartOperationContext.Provider>
  );
}

export function useStartOperation(): () => void {
  return useContext(StartOperationContext);
}
