import { FormattedMessage } from 'react-intl';
import type { RegistrationStatus } from './types.js';

/** A registration's status as a coloured label (its words carry the meaning, not the colour). */
export function StatusBadge({ status }: { status: RegistrationStatus }) {
  return (
    <span className={`badge status-${status}`}>
      <FormattedMessage id={`participation.status.${status}`} />
    </span>
  );
}

export function HeadBadge() {
  return (
    <span className="badge head">
      <FormattedMessage id="participation.head" />
    </span>
  );
}
