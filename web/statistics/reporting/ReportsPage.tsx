import { useIntl } from 'react-intl';
import { NotAllowedView, RequireUser } from '../../account/guards.js';
import { hasRole, type SessionUser } from '../../account/types.js';
import { FocalYears } from './FocalYears.js';
import { ReviewQueue } from './ReviewQueue.js';
import './reporting.css';

/** The states a user reports for, as a focal point. */
export const focalStatesOf = (user: SessionUser): string[] =>
  user.roles.flatMap((r) => (r.role === 'focal_point' && r.memberState ? [r.memberState] : []));

/**
 * /:lang/statistics/reports — the secretariat's review queue, or a focal point's reporting years
 * (a user who is both sees the queue: it holds their state's reports too).
 */
export function ReportsPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: 'reporting.title' });
  return (
    <RequireUser title={title}>
      {(user) => {
        if (hasRole(user, 'secretariat')) return <ReviewQueue title={title} />;
        const states = focalStatesOf(user);
        return states.length > 0 ? <FocalYears title={title} states={states} /> : <NotAllowedView />;
      }}
    </RequireUser>
  );
}
