import { Component, type ErrorInfo, type ReactNode } from 'react';
import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';

interface State {
  error: Error | null;
}

/** A rendering bug shows a message and a way back instead of a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Robson UI error', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="container py-4">
        <Alert variant="danger" role="alert">
          <Alert.Heading as="h1" className="h4">
            This page could not be shown
          </Alert.Heading>
          <p>{this.state.error.message}</p>
          <Button variant="outline-danger" onClick={() => window.location.assign('/')}>
            Back to the dashboard
          </Button>
        </Alert>
      </main>
    );
  }
}
