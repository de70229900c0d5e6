import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { InlineError } from '../../components/InlineError.js';
import { Loading } from '../../components/Status.js';
import { usePageLang } from '../../i18n/hooks.js';
import { useApi } from '../../useApi.js';
import { statsLabels, type StatsLabels } from './labels.js';
import { statsUrl, type Indicator, type MemberState } from './types.js';

export interface Basics {
  indicators: Indicator[];
  states: MemberState[];
  labels: StatsLabels;
}

/** What every dashboard needs first: the indicators and the states' names, in the reader's language. */
export function BasicsView({ children }: { children: (basics: Basics) => ReactNode }) {
  const intl = useIntl();
  const lang = usePageLang();
  const indicators = useApi<{ items: Indicator[] }>(statsUrl.indicators(lang));
  const states = useApi<{ items: MemberState[] }>(statsUrl.memberStates(lang));
  const stateList = states.status === 'ok' ? states.data.items : null;
  // One labels object per language and list: the charts below redraw only when they change.
  const labels = useMemo(() => (stateList ? statsLabels(intl, stateList) : null), [intl, stateList]);
  if (indicators.status === 'error') return <InlineError error={indicators.error} retry={indicators.retry} />;
  if (states.status === 'error') return <InlineError error={states.error} retry={states.retry} />;
  if (indicators.status === 'loading' || !stateList || !labels) return <Loading />;
  return <>{children({ indicators: indicators.data.items, states: stateList, labels })}</>;
}
