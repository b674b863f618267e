import { useState, type FormEvent } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import Card from 'react-bootstrap/Card';
import Container from 'react-bootstrap/Container';
import Form from 'react-bootstrap/Form';
import Spinner from 'react-bootstrap/Spinner';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorDetail } from '../api/client';
import { api } from '../api/endpoints';
import { tokenStore } from '../auth/tokenStore';
import { useSession } from '../auth/useSession';

interface LoginLocationState {
  from?: string;
  reason?: 'expired' | 'signed_out' | null;
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const login = useMutation({
    mutationFn: () => api.login(username.trim(), password),
    onSuccess: ({ data }) => {
      tokenStore.set({ access: data.access, refresh: data.refresh, username: username.trim() });
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    },
  });

  if (session && !login.isPending && !login.isSuccess) return <Navigate to="/" replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate();
  }

  return (
    <Container as="main" id="main" className="login-page py-5">
      <Card className="mx-auto shadow-sm" style={{ maxWidth: 420 }}>
        <Card.Body className="p-4">
          <h1 className="h3 mb-1">Robson</h1>
          <p className="text-body-secondary">Plan → validate → execute, safely. Sign in to continue.</p>
          {state.reason === 'expired' && !login.error && (
            <Alert variant="warning" role="status">
              Your session has ended. Please sign in again.
            </Alert>
          )}
          {login.error && (
            <Alert variant="danger" role="alert" className="login-error">
              {errorDetail(login.error)}
            </Alert>
          )}
          <Form noValidate onSubmit={onSubmit}>
            <Form.Group className="mb-3" controlId="login-username">
              <Form.Label>Username</Form.Label>
              <Form.Control
                autoFocus
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                isInvalid={missing && !username.trim()}
                aria-invalid={missing && !username.trim()}
                aria-required="true"
              />
              <Form.Control.Feedback type="invalid">Enter your username.</Form.Control.Feedback>
            </Form.Group>
            <Form.Group className="mb-4" controlId="login-password">
              <Form.Label>Password</Form.Label>
              <Form.Control
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                isInvalid={missing && !password}
                aria-invalid={missing && !password}
                aria-required="true"
              />
              <Form.Control.Feedback type="invalid">Enter your password.</Form.Control.Feedback>
            </Form.Group>
            <Button type="submit" className="w-100" disabled={login.isPending}>
              {login.isPending ? (
                <>
                  <Spinner as="span" animation="border" size="sm" aria-hidden="true" className="me-2" />
                  Signing in…
                </>
              ) : (
                'Sign in'
              )}
            </Button>
          </Form>
        </Card.Body>
      </Card>
    </Container>
  );
}
