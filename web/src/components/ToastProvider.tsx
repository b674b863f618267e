import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import CloseButton from 'react-bootstrap/CloseButton';

export interface ToastMessage {
  title: string;
  body: string;
  variant?: 'success' | 'danger' | 'info' | 'warning' | 'secondary' | 'primary' | 'dark';
  /**
   * Also announce it (politely) to screen readers: for news nothing else on the page says,
   * such as a new trade awaiting confirmation. Status changes are announced by the stepper.
   */
  announce?: boolean;
}

interface ShownToast extends ToastMessage {
  id: number;
}

const ToastContext = createContext<(message: ToastMessage) => void>(() => undefined);
const TOAST_MS = 6000;
let nextToastId = 1;

/**
 * A visual notice in the corner. Deliberately not a live region: the status change it reports
 * is announced once, politely, by the stepper's live region (react-bootstrap's Toast is always
 * role="alert", which would announce it a second time, assertively).
 */
function StatusToast({ toast, onClose }: { toast: ShownToast; onClose: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div className={`toast show border-${toast.variant ?? 'secondary'} border-start border-4`} data-toast>
      <div className="toast-header">
        <strong className="me-auto">{toast.title}</strong>
        <CloseButton aria-label="Dismiss notification" onClick={onClose} />
      </div>
      <div className="toast-body">{toast.body}</div>
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const notify = useCallback((message: ToastMessage) => {
    setToasts((all) => [...all.slice(-2), { ...message, id: nextToastId++ }]);
    if (message.announce) setAnnouncement(`${message.title}. ${message.body}`);
  }, []);
  const value = useMemo(() => notify, [notify]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="toast-announcer">
        {announcement}
      </div>
      <div className="toast-container position-fixed bottom-0 end-0 p-3 robson-toasts">
        {toasts.map((toast) => (
          <StatusToast key={toast.id} toast={toast} onClose={() => dismiss(toast.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (message: ToastMessage) => void {
  return useContext(ToastContext);
}
