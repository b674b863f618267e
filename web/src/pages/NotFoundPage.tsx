import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing at this address. <Link to="/">Back to the dashboard</Link>
      </p>
    </>
  );
}
