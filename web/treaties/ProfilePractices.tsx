import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { usePageLang } from '../i18n/hooks.js';
import type { MemberStateProfile } from './types.js';

/**
 * The newest practices from the library that ran in the state or that it submitted, and a link
 * to all of them: the library filtered by the country.
 */
export function ProfilePractices({ profile }: { profile: MemberStateProfile }) {
  const lang = usePageLang();
  const iso3 = profile.memberState.iso3;
  return (
    <section aria-labelledby="profile-practices">
      <h2 id="profile-practices">
        <FormattedMessage id="countryProfile.practices" />
      </h2>
      {profile.practices.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.practices.none" />
        </p>
      ) : (
        <ul className="framework-list">
          {profile.practices.map((x) => (
            <li key={x.id}>
              {/* The title may be in the original language when the reader's is missing. */}
              <Link to={`/${lang}/practices/${encodeURIComponent(x.id)}`} lang={x.lang === lang ? undefined : x.lang}>
                {x.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {profile.practiceCount > 0 && (
        <p>
          <Link to={`/${lang}/practices?country=${iso3}`}>
            <FormattedMessage id="countryProfile.practices.all" values={{ count: profile.practiceCount }} />
          </Link>
        </p>
      )}
    </section>
  );
}
