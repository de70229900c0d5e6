import { useIntl } from 'react-intl';
import type { MemberState, Organization } from '../../shared/schemas/reference.js';
import { apiUrl } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import type { FilterName } from './types.js';

// The catalogue key of each facet's values; countries and years are named otherwise.
const CATALOGUE: Partial<Record<FilterName, string>> = {
  theme: 'practices.theme.',
  targetGroup: 'practices.group.',
  form: 'practices.form.',
  subregion: 'countries.subregion.',
  orgKind: 'org.kind.',
};

export interface Names {
  states: MemberState[];
  organizations: Organization[];
  state: (iso3: string) => string;
  organization: (id: string) => string;
  /** A facet value in the reader's language (a code the catalogue lacks is shown as it is). */
  value: (facet: FilterName, value: string) => string;
}

/** Member states and organisations in the page language, and the words for every facet value. */
export function useNames(): Names {
  const intl = useIntl();
  const lang = usePageLang();
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const orgs = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  const stateList = states.status === 'ok' ? states.data.items : [];
  const orgList = orgs.status === 'ok' ? orgs.data.items : [];
  const state = (iso3: string) => stateList.find((s) => s.iso3 === iso3)?.name ?? iso3;
  const organization = (id: string) => {
    const org = orgList.find((o) => o.id === id);
    if (!org) return id;
    return org.acronym ? `${org.name} (${org.acronym})` : org.name;
  };
  const value = (facet: FilterName, v: string) => {
    if (facet === 'country') return state(v);
    const prefix = CATALOGUE[facet];
    if (!prefix) return v;
    const id = `${prefix}${v}`;
    return intl.messages[id] === undefined ? v : intl.formatMessage({ id });
  };
  return { states: stateList, organizations: orgList, state, organization, value };
}
