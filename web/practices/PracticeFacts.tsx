import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Lang } from '../../shared/lang.js';
import { FileSize } from '../documents/DocumentBits.js';
import { usePageLang } from '../i18n/hooks.js';
import type { Names } from './names.js';
import { PresentedAtLinks } from './PresentedAtLinks.js';
import type { PracticeView } from './types.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <FormattedMessage id={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A place outside the member states, named in the reader's language when it has that name. */
function placeName(place: Partial<Record<Lang, string>>, lang: Lang): string {
  return place[lang] ?? Object.values(place).find(Boolean) ?? '';
}

/** Where, when, about what and by whom: the practice's facts as a definition list. */
export function PracticeFacts({ practice, names }: { practice: PracticeView; names: Names }) {
  const intl = useIntl();
  const lang = usePageLang();
  const d = practice.data;
  const list = (values: string[]) => intl.formatList(values, { type: 'conjunction' });
  const orgs = (ids: string[] | undefined) => (ids && ids.length > 0 ? list(ids.map(names.organization)) : null);
  const places = [...(d.countries ?? []).map(names.state), ...(d.otherPlaces ?? []).map((p) => placeName(p, lang))];
  const period =
    d.periodStart || d.periodEnd
      ? intl.formatMessage(
          { id: d.periodEnd ? 'practices.period.range' : 'practices.period.since' },
          { start: d.periodStart ?? '…', end: d.periodEnd ?? '' },
        )
      : null;
  return (
    <dl className="facts practice-facts">
      <Fact label="practices.facet.theme">{list(d.themes.map((t) => names.value('theme', t)))}</Fact>
      {d.targetGroups && d.targetGroups.length > 0 && (
        <Fact label="practices.facet.targetGroup">
          {list(d.targetGroups.map((g) => names.value('targetGroup', g)))}
        </Fact>
      )}
      {d.exploitationForms && d.exploitationForms.length > 0 && (
        <Fact label="practices.facet.form">{list(d.exploitationForms.map((f) => names.value('form', f)))}</Fact>
      )}
      {places.length > 0 && <Fact label="practices.field.places">{list(places)}</Fact>}
      {period && <Fact label="practices.field.period">{period}</Fact>}
      {orgs(d.implementers) && <Fact label="practices.field.implementers">{orgs(d.implementers)}</Fact>}
      {orgs(d.partners) && <Fact label="practices.field.partners">{orgs(d.partners)}</Fact>}
      {orgs(d.funders) && <Fact label="practices.field.funders">{orgs(d.funders)}</Fact>}
      {d.presentedAt && d.presentedAt.length > 0 && (
        <Fact label="practices.presented.legend">
          <PresentedAtLinks links={d.presentedAt} />
        </Fact>
      )}
      {d.contact && <Fact label="practices.field.contact">{d.contact}</Fact>}
      {d.source && <Fact label="practices.field.source">{d.source}</Fact>}
    </dl>
  );
}

/** The attachments, each a download with its format and size. */
export function AttachmentList({ practice }: { practice: PracticeView }) {
  if (practice.attachments.length === 0) {
    return (
      <p>
        <FormattedMessage id="practices.attachments.none" />
      </p>
    );
  }
  return (
    <ul className="file-list">
      {practice.attachments.map((a) => (
        <li key={a.id}>
          <a href={a.url} type={a.contentType} download>
            <FormattedMessage
              id="practices.attachments.link"
              values={{ name: a.fileName, format: a.format.toUpperCase(), size: <FileSize bytes={a.size} /> }}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
