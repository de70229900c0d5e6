import { createContext, useContext, type ReactNode } from 'react';
import type { MemberState, Organization } from '../../shared/schemas/reference.js';
import type { RoleAssignment } from '../../shared/roles.js';
import { apiUrl } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi, type ApiState } from '../useApi.js';

export interface Reference {
  memberStates: ApiState<{ items: MemberState[] }>;
  organizations: ApiState<{ items: Organization[] }>;
}

const ReferenceContext = createContext<Reference | null>(null);

/** Member states and organisations, loaded once for a page that names or picks them. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const lang = usePageLang();
  const memberStates = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const organizations = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  return <ReferenceContext.Provider value={{ memberStates, organizations }}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ref = useContext(ReferenceContext);
  if (!ref) throw new Error('useReference outside <ReferenceProvider>');
  return ref;
}

export function organizationLabel(org: Pick<Organization, 'name' | 'acronym'>): string {
  return org.acronym ? `${org.name} (${org.acronym})` : org.name;
}

/** The state or organisation a role acts for, by name when the lists are loaded, else by code. */
export function useScopeName(): (assignment: Pick<RoleAssignment, 'memberState' | 'organizationId'>) => string | null {
  const { memberStates, organizations } = useReference();
  return ({ memberState, organizationId }) => {
    if (memberState) {
      const found =
        memberStates.status === 'ok' ? memberStates.data.items.find((s) => s.iso3 === memberState) : undefined;
      return found?.name ?? memberState;
    }
    if (organizationId) {
      const found =
        organizations.status === 'ok' ? organizations.data.items.find((o) => o.id === organizationId) : undefined;
      return found ? organizationLabel(found) : organizationId;
    }
    return null;
  };
}
