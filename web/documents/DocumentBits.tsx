import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { Lang } from '../../shared/lang.js';
import { LongDate } from '../i18n/dates.js';
import type { DocumentSummary } from './types.js';

export function StatusBadge({ status }: { status: DocumentSummary['status'] }) {
  return (
    <span className={`badge doc-status-${status}`}>
      <FormattedMessage id={`documents.status.${status}`} />
    </span>
  );
}

export function DistributionBadge({ distribution }: { distribution: DocumentSummary['distribution'] }) {
  return (
    <span className={`badge doc-distribution-${distribution}`}>
      <FormattedMessage id={`documents.distribution.${distribution}`} />
    </span>
  );
}

/** Status and distribution, in words (the colours only repeat them). */
export function DocumentBadges({ doc }: { doc: Pick<DocumentSummary, 'status' | 'distribution'> }) {
  return (
    <span className="badges">
      <StatusBadge status={doc.status} /> <DistributionBadge distribution={doc.distribution} />
    </span>
  );
}

export function DocumentDate({ date }: { date: string | null }) {
  return date ? <LongDate date={date} /> : <FormattedMessage id="documents.noDate" />;
}

/** "French, Spanish", or a word saying there is no file yet. */
export function LanguageNames({ langs }: { langs: Lang[] }) {
  const intl = useIntl();
  if (langs.length === 0) return <FormattedMessage id="documents.noFiles" />;
  return (
    <>
      {intl.formatList(
        langs.map((l) => intl.formatMessage({ id: `lang.name.${l}` })),
        { type: 'conjunction' },
      )}
    </>
  );
}

/** A file's size in kB or MB, as the reader's language writes numbers. */
export function FileSize({ bytes }: { bytes: number }) {
  if (bytes >= 1024 * 1024) {
    return (
      <FormattedNumber
        value={bytes / 1024 / 1024}
        style="unit"
        unit="megabyte"
        unitDisplay="short"
        maximumFractionDigits={1}
      />
    );
  }
  return (
    <FormattedNumber value={Math.max(1, Math.round(bytes / 1024))} style="unit" unit="kilobyte" unitDisplay="short" />
  );
}
