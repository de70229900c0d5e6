import { NotFoundView } from '../components/Status.js';

export function NotFoundPage() {
  return <NotFoundView />;
}
