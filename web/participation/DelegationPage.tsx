import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import type { Organization } from '../../shared/schemas/reference.js';
import { apiUrl } from '../api.js';
import { NotAllowedView, RequireUser } from '../account/guards.js';
import { hasRole, type SessionUser } from '../account/types.js';
import { organizationLabel } from '../admin/reference.js';
import { Notice } from '../components/Notice.js';
import { ErrorView, Loading, NotFoundView } from '../components/Status.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { CredentialsSection } from './CredentialsSection.js';
import { MeetingCrumbs, useMeeting } from './MeetingCrumbs.js';
import { MemberCard, type MemberEvent } from './MemberCard.js';
import { NominationForm } from './NominationForm.js';
import { PlacesList } from './Places.js';
import {
  CATEGORIES,
  participationPath,
  participationUrl,
  personName,
  type CategoryRule,
  type Delegation,
  type ParticipationRules,
  type Registration,
} from './types.js';

/** The categories `user` may register in for this delegation, in the concept note's order. */
export function categoriesFor(
  rules: ParticipationRules,
  delegation: Pick<Delegation, 'kind' | 'code'>,
  user: SessionUser,
  organizationKind: string | null,
): CategoryRule[] {
  const secretariat = hasRole(user, 'secretariat');
  const focalPoint = user.roles.some((r) => r.role === 'focal_point' && r.memberState === delegation.code);
  const representative = user.roles.some((r) => r.role === 'organization_rep' && r.organizationId === delegation.code);
  return [...rules.categories]
    .sort((a, b) => CATEGORIES.indexOf(a.code) - CATEGORIES.indexOf(b.code))
    .filter((rule) => {
      if (rule.delegation !== delegation.kind) return false;
      if (
        delegation.kind === 'organization' &&
        organizationKind &&
        !rule.organizationKinds.includes(organizationKind)
      ) {
        return false;
      }
      if (secretariat) return true;
      if (delegation.kind === 'member_state') return focalPoint && rule.registrars.includes('focal_point');
      return representative && rule.registrars.includes('organization_rep');
    });
}

interface Flash {
  n: number;
  text: string;
}

function DelegationView({
  slug,
  user,
  delegation,
  rules,
  organizations,
  reload,
}: {
  slug: string;
  user: SessionUser;
  delegation: Delegation;
  rules: ParticipationRules;
  organizations: Organization[];
  reload: () => void;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const [memberFlash, setMemberFlash] = useState<Flash | null>(null);
  const [nominateFlash, setNominateFlash] = useState<Flash | null>(null);
  const secretariat = hasRole(user, 'secretariat');
  const orgKind =
    delegation.kind === 'organization' ? (organizations.find((o) => o.id === delegation.code)?.kind ?? null) : null;
  const categories = categoriesFor(rules, delegation, user, orgKind);
  const organizationName = (id: string) => {
    const org = organizations.find((o) => o.id === id);
    return org ? organizationLabel(org) : id;
  };
  const category = (code: string) => intl.formatMessage({ id: `participation.category.${code}` });
  const current = delegation.members.filter((m) => ['nominated', 'applied', 'accredited'].includes(m.status));
  const past = delegation.members.filter((m) => !current.includes(m));

  const onRegistered = (registration: Registration) => {
    setNominateFlash((f) => ({
      n: (f?.n ?? 0) + 1,
      text: intl.formatMessage(
        { id: 'participation.nominate.done' },
        { name: personName(registration.person, lang), category: category(registration.category) },
      ),
    }));
    reload();
  };
  const onChanged = (event: MemberEvent, member: Registration, replacement?: Registration) => {
    const name = personName(member.person, lang);
    const values = { name, replacement: replacement ? personName(replacement.person, lang) : '' };
    setMemberFlash((f) => ({
      n: (f?.n ?? 0) + 1,
      text: intl.formatMessage({ id: `participation.member.done.${event}` }, values),
    }));
    reload();
  };
  const card = (member: Registration) => (
    <MemberCard
      key={member.id}
      slug={slug}
      delegationCode={delegation.code}
      member={member}
      organizationName={organizationName}
      secretariat={secretariat}
      requiresIdDocument={rules.requiresIdDocument}
      onChanged={onChanged}
    />
  );
  return (
    <>
      {!delegation.invited && (
        <p className="notice">
          <FormattedMessage id="participation.delegation.notInvited" />
        </p>
      )}
      <PlacesList places={delegation.places} headingId="places" />
      <section aria-labelledby="members">
        <h2 id="members">
          <FormattedMessage id="participation.members.title" values={{ count: current.length }} />
        </h2>
        {memberFlash && <Notice key={memberFlash.n}>{memberFlash.text}</Notice>}
        {current.length === 0 ? (
          <p>
            <FormattedMessage id="participation.members.none" />
          </p>
        ) : (
          <ul className="cards members">{current.map(card)}</ul>
        )}
        {past.length > 0 && (
          <>
            <h3>
              <FormattedMessage id="participation.members.past" />
            </h3>
            <ul className="cards members past">{past.map(card)}</ul>
          </>
        )}
      </section>
      <section aria-labelledby="nominate-heading">
        <h2 id="nominate-heading">
          <FormattedMessage id="participation.nominate.title" />
        </h2>
        {nominateFlash && <Notice key={nominateFlash.n}>{nominateFlash.text}</Notice>}
        <NominationForm
          slug={slug}
          delegation={delegation}
          categories={categories}
          requiresIdDocument={rules.requiresIdDocument}
          canOverride={secretariat}
          onRegistered={onRegistered}
        />
      </section>
      <CredentialsSection slug={slug} delegation={delegation} secretariat={secretariat} onChanged={reload} />
    </>
  );
}

function DelegationContent({ user, slug, code }: { user: SessionUser; slug: string; code: string }) {
  const intl = useIntl();
  const lang = usePageLang();
  const meeting = useMeeting(slug);
  const state = useApi<Delegation>(participationUrl.delegation(slug, code, lang));
  const rules = useApi<ParticipationRules>(participationUrl.rules(slug));
  const organizations = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  const name = state.status === 'ok' ? state.data.name : null;
  const title = name ? intl.formatMessage({ id: 'participation.delegation.title' }, { name }) : null;
  useDocumentTitle(title);
  const reload = useCallback(() => {
    if (state.status === 'ok') state.reload();
  }, [state]);

  if (state.status === 'error') {
    if (state.error.code === 'forbidden') return <NotAllowedView />;
    if (state.error.code === 'not_found') return <NotFoundView />;
    return <ErrorView error={state.error} retry={state.retry} />;
  }
  if (rules.status === 'error') return <ErrorView error={rules.error} retry={rules.retry} />;
  return (
    <>
      <MeetingCrumbs
        slug={slug}
        meeting={meeting}
        more={[
          {
            to: participationPath.delegations(lang, slug),
            label: intl.formatMessage({ id: 'participation.delegations.title' }),
          },
        ]}
        current={name ?? code}
      />
      <h1>{title ?? <FormattedMessage id="participation.delegations.title" />}</h1>
      {state.status === 'ok' && rules.status === 'ok' ? (
        <DelegationView
          slug={slug}
          user={user}
          delegation={state.data}
          rules={rules.data}
          organizations={organizations.status === 'ok' ? organizations.data.items : []}
          reload={reload}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}

/** /:lang/meetings/:slug/delegations/:code — a delegation, for its focal point or representative and the secretariat. */
export function DelegationPage() {
  const intl = useIntl();
  const { slug = '', code = '' } = useParams();
  return (
    <RequireUser title={intl.formatMessage({ id: 'participation.delegations.title' })}>
      {(user) => <DelegationContent user={user} slug={slug} code={code} />}
    </RequireUser>
  );
}
