import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { SUBREGIONS, type MemberState } from '../../shared/schemas/reference.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { ApiView } from '../components/Status.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { treatyPage } from './types.js';
import './treaties.css';

/** /:lang/countries — every member state, by subregion and alphabetically in the language, each linking to its profile. */
export function CountriesPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const states = useApi<{ items: MemberState[] }>(`/api/member-states?lang=${lang}`);
  const title = intl.formatMessage({ id: 'countries.title' });
  const collator = new Intl.Collator(lang);
  return (
    <ApiView state={states} title={() => title}>
      {({ items }) => (
        <>
          <Breadcrumbs
            trail={[{ to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) }]}
            current={title}
          />
          <h1>{title}</h1>
          <p>
            <FormattedMessage id="countries.intro" />{' '}
            <Link to={treatyPage.overview(lang)}>
              <FormattedMessage id="countries.overviewLink" />
            </Link>
          </p>
          <div className="countries-index">
            {SUBREGIONS.map((region) => (
              <section key={region} aria-labelledby={`region-${region}`}>
                <h2 id={`region-${region}`}>
                  <FormattedMessage id={`countries.subregion.${region}`} />
                </h2>
                <ul>
                  {items
                    .filter((s) => s.subregion === region)
                    .sort((a, b) => collator.compare(a.name, b.name))
                    .map((s) => (
                      <li key={s.iso3}>
                        <Link to={treatyPage.country(lang, s.iso3)}>{s.name}</Link>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </ApiView>
  );
}
