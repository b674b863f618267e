import { useEffect, useRef } from 'react';
import Badge from 'react-bootstrap/Badge';
import Button from 'react-bootstrap/Button';
import Container from 'react-bootstrap/Container';
import Nav from 'react-bootstrap/Nav';
import Navbar from 'react-bootstrap/Navbar';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { usePendingConfirmation } from '../api/patternQueries';
import { tokenStore } from '../auth/tokenStore';
import { useSession } from '../auth/useSession';
import { StartOperationProvider, useStartOperation } from './StartOperationContext';
import { usePendingConfirmationToasts } from './usePendingConfirmationToasts';

function StartOperationButton({ className }: { className?: string }) {
  const open = useStartOperation();
  return (
    <Button variant="warning" className={className} onClick={open}>
      + Start New Operation
    </Button>
  );
}

/** "Patterns", with the number of pattern trades awaiting confirmation (said in full to screen readers). */
function PatternsNavLink({ pending }: { pending: number }) {
  return (
    <Nav.Link
      as={NavLink}
      to="/patterns"
      eventKey="patterns"
      aria-label={pending > 0 ? `Patterns, ${pending} awaiting confirmation` : undefined}
    >
      Patterns
      {pending > 0 && (
        <Badge bg="warning" text="dark" pill className="ms-1 pending-badge" data-testid="pending-badge" aria-hidden="true">
          {pending}
        </Badge>
      )}
    </Nav.Link>
  );
}

function AppNavbar() {
  const session = useSession();
  const queryClient = useQueryClient();
  // Polled on every page: it feeds the badge and the notice of a new trade to confirm.
  const pending = usePendingConfirmation();
  usePendingConfirmationToasts(pending.data?.results);
  return (
    <Navbar expand="md" bg="dark" data-bs-theme="dark" className="mb-3" collapseOnSelect>
      <Container fluid="lg">
        <Navbar.Brand as={NavLink} to="/">
          Robson
        </Navbar.Brand>
        <Navbar.Toggle aria-controls="main-navigation" aria-label="Toggle navigation" />
        <Navbar.Collapse id="main-navigation">
          <Nav className="me-auto" as="ul">
            <Nav.Item as="li">
              <Nav.Link as={NavLink} to="/" end eventKey="dashboard">
                Dashboard
              </Nav.Link>
            </Nav.Item>
            <Nav.Item as="li">
              <Nav.Link as={NavLink} to="/history" eventKey="history">
                History
              </Nav.Link>
            </Nav.Item>
            <Nav.Item as="li">
              <PatternsNavLink pending={pending.data?.count ?? 0} />
            </Nav.Item>
          </Nav>
          <div className="d-flex flex-column flex-md-row gap-2 align-items-md-center py-2 py-md-0">
            <StartOperationButton />
            <span className="text-light small">{session?.username ? `Signed in as ${session.username}` : ''}</span>
            <Button
              variant="outline-light"
              size="sm"
              onClick={() => {
                queryClient.clear();
                tokenStore.clear('signed_out');
              }}
            >
              Sign out
            </Button>
          </div>
        </Navbar.Collapse>
      </Container>
    </Navbar>
  );
}

/** Moves focus to the page's main heading after each navigation, for keyboard and screen-reader users. */
function useFocusOnNavigate(target: React.RefObject<HTMLElement | null>) {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = target.current?.querySelector<HTMLElement>('h1');
    (heading ?? target.current)?.focus({ preventScroll: false });
  }, [location.pathname, target]);
}

export function AppLayout() {
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  return (
    <StartOperationProvider>
      <a href="#main" className="visually-hidden-focusable skip-link">
        Skip to content
      </a>
      <AppNavbar />
      <Container as="main" id="main" ref={main} fluid="lg" tabIndex={-1} className="pb-5">
        <Outlet />
      </Container>
    </StartOperationProvider>
  );
}

export { StartOperationButton };
