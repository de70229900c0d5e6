import { FormattedMessage, useIntl } from 'react-intl';
import type { ApiError } from '../api.js';
import { problemMessage } from '../forms/problem.js';

/** A failed load inside a page that already has its heading: the reason and a retry. */
export function InlineError({ error, retry }: { error: ApiError; retry?: () => void }) {
  const intl = useIntl();
  return (
    <div className="notice" role="alert">
      <p>{problemMessage(intl, error)}</p>
      {retry && (
        <p>
          <button type="button" onClick={retry}>
            <FormattedMessage id="status.retry" />
          </button>
        </p>
      )}
    </div>
  );
}
