import { FormattedDate, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Link } from 'react-router';
import { useSession } from '../account/sessionContext.js';
import { hasRole, type SessionUser } from '../account/types.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import {
  CATEGORIES,
  participationPath,
  participationUrl,
  type CategoryRule,
  type ParticipationRules,
} from './types.js';

/** "Government: at most 2 per member state; counts toward the state's total; registered by …". */
function ruleText(intl: IntlShape, rule: CategoryRule): string {
  const parts: string[] = [];
  if (rule.limit === null) parts.push(intl.formatMessage({ id: 'participation.rules.noLimit' }));
  else if (rule.limitScope === 'meeting') {
    parts.push(intl.formatMessage({ id: 'participation.rules.limitMeeting' }, { limit: rule.limit }));
  } else {
    parts.push(
      intl.formatMessage(
        { id: 'participation.rules.limitDelegation' },
        { limit: rule.limit, kind: rule.delegation === 'member_state' ? 'state' : 'organization' },
      ),
    );
  }
  if (rule.countsTowardStateTotal) parts.push(intl.formatMessage({ id: 'participation.rules.countsTowardTotal' }));
  if (rule.requiresAccreditation) parts.push(intl.formatMessage({ id: 'participation.rules.accredited' }));
  const registrars = rule.registrars.map((r) => intl.formatMessage({ id: `participation.rules.registrar.${r}` }));
  if (registrars.length > 0) {
    parts.push(
      intl.formatMessage(
        { id: 'participation.rules.registeredBy' },
        { registrars: intl.formatList(registrars, { type: 'disjunction' }) },
      ),
    );
  }
  return intl.formatMessage(
    { id: 'participation.rules.item' },
    { category: intl.formatMessage({ id: `participation.category.${rule.code}` }), details: parts.join('; ') },
  );
}

function Rules({ rules }: { rules: ParticipationRules }) {
  const intl = useIntl();
  const categories = [...rules.categories].sort((a, b) => CATEGORIES.indexOf(a.code) - CATEGORIES.indexOf(b.code));
  const opens = rules.registrationOpensAt;
  const closes = rules.registrationClosesAt;
  const instant = (at: string) => (
    <time dateTime={at}>
      <FormattedDate value={at} dateStyle="long" timeStyle="short" timeZone="UTC" timeZoneName="short" />
    </time>
  );
  return (
    <>
      <p>
        <FormattedMessage id="participation.rules.invited" values={{ count: rules.invitedStates.length }} />{' '}
        {rules.perStateTotal !== null && (
          <FormattedMessage id="participation.rules.stateTotal" values={{ total: rules.perStateTotal }} />
        )}
      </p>
      <ul className="rules">
        {categories.map((rule) => (
          <li key={rule.code}>{ruleText(intl, rule)}</li>
        ))}
      </ul>
      {(opens || closes) && (
        <p>
          {opens && <FormattedMessage id="participation.rules.opens" values={{ date: instant(opens) }} />}{' '}
          {closes && <FormattedMessage id="participation.rules.closes" values={{ date: instant(closes) }} />}
        </p>
      )}
    </>
  );
}

/** What the signed-in reader can do here: their delegation, or the secretariat's pages. */
function OwnLinks({ slug, user }: { slug: string; user: SessionUser }) {
  const lang = usePageLang();
  const acting = user.roles.some(
    (r) => (r.role === 'focal_point' && r.memberState) || (r.role === 'organization_rep' && r.organizationId),
  );
  const links: [string, string][] = [];
  if (hasRole(user, 'secretariat')) {
    links.push(
      [participationPath.delegations(lang, slug), 'participation.link.delegations'],
      [participationPath.registrations(lang, slug), 'participation.link.registrations'],
      [participationPath.checkIn(lang, slug), 'checkin.link'],
      [participationPath.statistics(lang, slug), 'participation.link.statistics'],
    );
  } else if (acting) {
    links.push([participationPath.delegations(lang, slug), 'participation.link.myDelegation']);
  }
  return (
    <>
      {links.map(([to, id]) => (
        <li key={id}>
          <Link to={to}>
            <FormattedMessage id={id} />
          </Link>
        </li>
      ))}
    </>
  );
}

/** The meeting page's participation section: the rules in words and where to go from here. */
export function ParticipationSection({ slug }: { slug: string }) {
  const lang = usePageLang();
  const { user } = useSession();
  const rules = useApi<ParticipationRules>(participationUrl.rules(slug));
  // A meeting without rules takes no registrations: nothing to say.
  if (rules.status === 'error' && rules.error.code === 'not_found') return null;
  return (
    <section aria-labelledby="participation">
      <h2 id="participation">
        <FormattedMessage id="participation.rules.title" />
      </h2>
      {rules.status === 'ok' && <Rules rules={rules.data} />}
      <ul className="links">
        {user && <OwnLinks slug={slug} user={user} />}
        <li>
          <a href={participationUrl.participants(slug, 'pdf', lang)}>
            <FormattedMessage id="participation.link.publicList" />
          </a>
        </li>
        <li>
          <Link to={participationPath.civilSociety(lang)}>
            <FormattedMessage id="cso.title" />
          </Link>
        </li>
      </ul>
    </section>
  );
}
