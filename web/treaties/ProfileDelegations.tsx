import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';
import type { MemberStateProfile } from './types.js';

/**
 * The state's delegations to meetings, newest first, as the server lets this reader see them
 * (the public: what the public participant list shows).
 */
export function ProfileDelegations({ profile }: { profile: MemberStateProfile }) {
  const intl = useIntl();
  const lang = usePageLang();
  const range = (start: string, end: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(
      new Date(`${start}T00:00:00Z`),
      new Date(`${end}T00:00:00Z`),
    );
  return (
    <section aria-labelledby="profile-delegations">
      <h2 id="profile-delegations">
        <FormattedMessage id="countryProfile.delegations" />
      </h2>
      {profile.delegations.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.delegations.none" />
        </p>
      ) : (
        <>
          <p className="note">
            <FormattedMessage id="countryProfile.delegations.note" />
          </p>
          <ul className="framework-list delegations">
            {profile.delegations.map((d) => (
              <li key={d.meeting.slug}>
                <Link to={`/${lang}/meetings/${encodeURIComponent(d.meeting.slug)}`}>{d.meeting.title}</Link>
                <span className="note"> · {range(d.meeting.startDate, d.meeting.endDate)}</span>
                <p>
                  {d.head ? (
                    <FormattedMessage id="countryProfile.delegations.head" values={{ name: d.head }} />
                  ) : (
                    <FormattedMessage id="countryProfile.delegations.noHead" />
                  )}
                </p>
                <p>
                  <FormattedMessage id="countryProfile.delegations.total" values={{ count: d.total }} />{' '}
                  {d.delegates
                    .map((c) =>
                      intl.formatMessage(
                        { id: 'countryProfile.delegations.category' },
                        {
                          category: intl.formatMessage({ id: `participation.category.${c.category}` }),
                          count: c.count,
                        },
                      ),
                    )
                    .join(', ')}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
