import Alert from 'react-bootstrap/Alert';
import Button from 'react-bootstrap/Button';
import { errorDetail, isApiError } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** The API's `detail` for a person; a network failure says the API cannot be reached. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const networkDown = isApiError(error) && error.isNetworkError;
  return (
    <Alert variant="danger" role="alert" className="api-error">
      <Alert.Heading as="h2" className="h6 mb-1">
        {title ?? (networkDown ? 'The Robson API is unreachable' : 'Something went wrong')}
      </Alert.Heading>
      <p className="mb-0">{errorDetail(error)}</p>
      {onRetry && (
        <Button variant="outline-danger" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
