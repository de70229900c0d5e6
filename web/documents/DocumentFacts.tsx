import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { Agenda } from '../../shared/schemas/agenda.js';
import type { MemberState, Organization } from '../../shared/schemas/reference.js';
import { apiUrl } from '../api.js';
import { Lt } from '../components/LocalizedText.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { DistributionBadge, DocumentDate, StatusBadge } from './DocumentBits.js';
import { agendaItems, documentPath, type DocumentView } from './types.js';

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

/** The agenda item by number and title once the agenda is loaded (its key until then). */
function ItemName({ doc }: { doc: DocumentView }) {
  const lang = usePageLang();
  const key = doc.agendaItemKey ?? '';
  const agenda = useApi<Agenda>(apiUrl.agenda(doc.meeting.slug, lang, null));
  const item = agenda.status === 'ok' ? agendaItems(agenda.data).find((i) => i.key === key) : undefined;
  return (
    <Link to={documentPath.agendaItem(lang, doc.meeting.slug, key)}>
      {item ? (
        <FormattedMessage
          id="documents.agendaItemName"
          values={{ number: item.number, title: <Lt value={item.title} marker={false} /> }}
        />
      ) : (
        key
      )}
    </Link>
  );
}

function StateName({ iso3 }: { iso3: string }) {
  const lang = usePageLang();
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const state = states.status === 'ok' ? states.data.items.find((s) => s.iso3 === iso3) : undefined;
  return <Link to={`/${lang}/countries/${iso3}`}>{state?.name ?? iso3}</Link>;
}

function OrganizationName({ id }: { id: string }) {
  const lang = usePageLang();
  const orgs = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  const org = orgs.status === 'ok' ? orgs.data.items.find((o) => o.id === id) : undefined;
  return <>{org ? (org.acronym ? `${org.name} (${org.acronym})` : org.name) : id}</>;
}

/** What the register says of the document. */
export function DocumentFacts({ doc }: { doc: DocumentView }) {
  const intl = useIntl();
  const lang = usePageLang();
  return (
    <dl className="facts document-facts">
      <Fact label="documents.field.symbol">
        {doc.symbol ?? <FormattedMessage id="documents.noSymbol" />}
        {doc.currentLabel && <> ({doc.currentLabel})</>}
      </Fact>
      <Fact label="documents.field.kind">
        <FormattedMessage id={`documents.kind.${doc.kind}`} />
      </Fact>
      <Fact label="documents.field.originalLang">{intl.formatMessage({ id: `lang.name.${doc.originalLang}` })}</Fact>
      <Fact label="documents.field.date">
        <DocumentDate date={doc.date} />
      </Fact>
      <Fact label="documents.field.status">
        <StatusBadge status={doc.status} />
      </Fact>
      <Fact label="documents.field.distribution">
        <DistributionBadge distribution={doc.distribution} />
      </Fact>
      {doc.agendaItemKey && (
        <Fact label="documents.field.agendaItem">
          <ItemName doc={doc} />
        </Fact>
      )}
      {doc.memberState && (
        <Fact label="documents.field.memberState">
          <StateName iso3={doc.memberState} />
        </Fact>
      )}
      {doc.organizationId && (
        <Fact label="documents.field.organization">
          <OrganizationName id={doc.organizationId} />
        </Fact>
      )}
      {doc.supersededBy && (
        <Fact label="documents.field.supersededBy">
          <Link to={documentPath.document(lang, doc.supersededBy)}>
            <FormattedMessage id="documents.supersededByLink" />
          </Link>
        </Fact>
      )}
    </dl>
  );
}
