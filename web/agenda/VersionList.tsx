import { FormattedDate, FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { Agenda, AgendaVersionSummary } from '../../shared/schemas/agenda.js';
import { Lt } from '../components/LocalizedText.js';

/** "Version 2 — Revised draft (published on 1 March 2005)" */
export function VersionName({ version, timeZone }: { version: AgendaVersionSummary; timeZone: string }) {
  return (
    <>
      <FormattedMessage id="agenda.version" values={{ number: version.number }} />
      {version.label && (
        <>
          {' — '}
          <Lt value={version.label} marker={false} />
        </>
      )}{' '}
      (
      <FormattedMessage
        id="agenda.publishedOn"
        values={{
          date: (
            <time dateTime={version.publishedAt}>
              <FormattedDate
                value={new Date(version.publishedAt)}
                day="numeric"
                month="long"
                year="numeric"
                timeZone={timeZone}
              />
            </time>
          ),
        }}
      />
      )
    </>
  );
}

/** Every published version, as links; the one shown is marked current. */
export function VersionList({ agenda }: { agenda: Agenda }) {
  const versions = [...agenda.versions].sort((a, b) => b.number - a.number);
  return (
    <section className="versions" aria-labelledby="versions">
      <h2 id="versions">
        <FormattedMessage id="agenda.versions" />
      </h2>
      {agenda.version.number !== agenda.latestVersion && (
        <p className="notice">
          <FormattedMessage id="agenda.olderVersion" values={{ latest: agenda.latestVersion }} />
        </p>
      )}
      <ul>
        {versions.map((version) => (
          <li key={version.number}>
            <Link
              to={{ search: `?version=${version.number}` }}
              aria-current={version.number === agenda.version.number ? 'page' : undefined}
            >
              <VersionName version={version} timeZone={agenda.meeting.timeZone} />
            </Link>
            {version.number === agenda.latestVersion && (
              <>
                {' '}
                <span className="badge">
                  <FormattedMessage id="agenda.latest" />
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
