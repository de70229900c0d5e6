import { FormattedMessage } from 'react-intl';
import type { MemberState } from '../../../shared/schemas/reference.js';
import { apiUrl } from '../../api.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import type { ReportStatus } from './types.js';

/** A status word as a badge; the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  return (
    <span className={`badge report-status-${status}`}>
      <FormattedMessage id={`reporting.status.${status}`} />
    </span>
  );
}

/** Member states in the page language; a code until they load. */
export function useStates(): { list: MemberState[]; name: (iso3: string) => string } {
  const lang = usePageLang();
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const list = states.status === 'ok' ? states.data.items : [];
  return { list, name: (iso3) => list.find((s) => s.iso3 === iso3)?.name ?? iso3 };
}

/** Years a report may cover, newest first: the current one back to the Protocol's adoption. */
export function reportableYears(first: number): number[] {
  const now = new Date().getUTCFullYear();
  return Array.from({ length: now - first + 1 }, (_, i) => now - i);
}
