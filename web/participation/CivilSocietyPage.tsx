import { useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import type { MemberState } from '../../shared/schemas/reference.js';
import { apiUrl } from '../api.js';
import { useSession } from '../account/sessionContext.js';
import { hasRole } from '../account/types.js';
import { Breadcrumbs } from '../components/Breadcrumbs.js';
import { Disclosure } from '../components/Disclosure.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';
import { SelectField } from '../forms/Field.js';
import { calendarDate } from '../i18n/dates.js';
import { useDocumentTitle, usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { CsoForm } from './CsoForm.js';
import { participationUrl, type CivilSocietyOrganization } from './types.js';

function Day({ date }: { date: string }) {
  return (
    <time dateTime={date}>
      <FormattedDate value={calendarDate(date)} dateStyle="medium" timeZone="UTC" />
    </time>
  );
}

function Validity({ org }: { org: CivilSocietyOrganization }) {
  const { validFrom, validUntil } = org.accreditation;
  if (validFrom && validUntil) {
    return (
      <FormattedMessage
        id="cso.validRange"
        values={{ from: <Day date={validFrom} />, until: <Day date={validUntil} /> }}
      />
    );
  }
  if (validFrom) return <FormattedMessage id="cso.validFrom" values={{ from: <Day date={validFrom} /> }} />;
  if (validUntil) return <FormattedMessage id="cso.validUntil" values={{ until: <Day date={validUntil} /> }} />;
  return <FormattedMessage id="cso.validOpen" />;
}

function Table({
  items,
  stateName,
  editable,
  onEdit,
  editButtonId,
}: {
  items: CivilSocietyOrganization[];
  stateName: (iso3: string) => string;
  editable: boolean;
  onEdit: (org: CivilSocietyOrganization) => void;
  editButtonId: (id: string) => string;
}) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="cso-caption" tabIndex={0}>
      <table className="data cso">
        <caption id="cso-caption">
          <FormattedMessage id="cso.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="cso.field.name" />
            </th>
            <th scope="col">
              <FormattedMessage id="cso.field.country" />
            </th>
            <th scope="col">
              <FormattedMessage id="cso.field.kind" />
            </th>
            <th scope="col">
              <FormattedMessage id="cso.accreditation" />
            </th>
            <th scope="col">
              <FormattedMessage id="cso.validity" />
            </th>
            <th scope="col">
              <FormattedMessage id="cso.field.website" />
            </th>
            {editable && (
              <th scope="col">
                <FormattedMessage id="participation.registrations.actions" />
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((org) => (
            <tr key={org.id}>
              <th scope="row">
                {org.name}
                {org.acronym && <span className="note"> ({org.acronym})</span>}
              </th>
              <td>{stateName(org.country)}</td>
              <td>
                <FormattedMessage id={`org.kind.${org.kind === 'academic' ? 'academic' : 'ngo'}`} />
              </td>
              <td>
                <span className={`badge cso-${org.accreditation.current ? 'current' : 'not-current'}`}>
                  <FormattedMessage id={`cso.status.${org.accreditation.status}`} />
                </span>
                {!org.accreditation.current && org.accreditation.status === 'accredited' && (
                  <div className="note">
                    <FormattedMessage id="cso.notCurrent" />
                  </div>
                )}
              </td>
              <td>
                <Validity org={org} />
              </td>
              <td className="url">
                {org.website ? (
                  <a href={org.website} rel="noopener noreferrer external">
                    {org.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                  </a>
                ) : (
                  '—'
                )}
              </td>
              {editable && (
                <td>
                  <button type="button" className="secondary" id={editButtonId(org.id)} onClick={() => onEdit(org)}>
                    <FormattedMessage id="cso.edit" values={{ name: org.name }} />
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The edit form below the table: its heading takes focus when it opens. */
function EditSection({
  org,
  states,
  onSaved,
  onClose,
}: {
  org: CivilSocietyOrganization;
  states: MemberState[];
  onSaved: (org: CivilSocietyOrganization) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [org.id]);
  return (
    <section aria-labelledby="cso-edit">
      <h2 id="cso-edit" ref={ref} tabIndex={-1}>
        <FormattedMessage id="cso.editTitle" values={{ name: org.name }} />
      </h2>
      <CsoForm
        key={org.id}
        org={org}
        states={states}
        idPrefix="cso-edit"
        labelledBy="cso-edit"
        onSaved={onSaved}
        onCancel={onClose}
      />
    </section>
  );
}

/** /:lang/civil-society — the registry of civil-society organisations accredited with the OAS. */
export function CivilSocietyPage() {
  const intl = useIntl();
  const lang = usePageLang();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const list = useApi<{ items: CivilSocietyOrganization[] }>(participationUrl.civilSociety());
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const [editing, setEditing] = useState<CivilSocietyOrganization | null>(null);
  const secretariat = hasRole(user, 'secretariat');
  useDocumentTitle(intl.formatMessage({ id: 'cso.title' }));

  const stateList = states.status === 'ok' ? states.data.items : [];
  const stateName = (iso3: string) => stateList.find((s) => s.iso3 === iso3)?.name ?? iso3;
  const editButtonId = (id: string) => `cso-edit-${id}`;
  const close = () => {
    const id = editing?.id;
    setEditing(null);
    if (id) requestAnimationFrame(() => document.getElementById(editButtonId(id))?.focus());
  };
  const setCountry = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('country', value);
    else next.delete('country');
    setParams(next, { replace: true });
  };
  const reload = () => {
    if (list.status === 'ok') list.reload();
  };
  const items = list.status === 'ok' ? list.data.items.filter((o) => country === '' || o.country === country) : [];

  return (
    <>
      <Breadcrumbs
        trail={[{ to: `/${lang}`, label: intl.formatMessage({ id: 'meetings.title' }) }]}
        current={intl.formatMessage({ id: 'cso.title' })}
      />
      <h1>
        <FormattedMessage id="cso.title" />
      </h1>
      <p>
        <FormattedMessage id="cso.intro" />
      </p>
      <div className="contact-pick">
        <SelectField
          id="cso-country"
          label={intl.formatMessage({ id: 'cso.filterCountry' })}
          value={country}
          onChange={setCountry}
          options={[
            { value: '', label: intl.formatMessage({ id: 'cso.allCountries' }) },
            ...stateList.map((s) => ({ value: s.iso3, label: s.name })),
          ]}
        />
      </div>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <InlineError error={list.error} retry={list.retry} />}
      {list.status === 'ok' && (
        <>
          <p role="status">
            <FormattedMessage id="cso.count" values={{ count: items.length }} />
          </p>
          {items.length > 0 && (
            <Table
              items={items}
              stateName={stateName}
              editable={secretariat}
              onEdit={setEditing}
              editButtonId={editButtonId}
            />
          )}
        </>
      )}
      {secretariat && editing && (
        <EditSection
          org={editing}
          states={stateList}
          onSaved={(saved) => {
            setEditing(saved);
            reload();
          }}
          onClose={close}
        />
      )}
      {secretariat && (
        <section aria-labelledby="cso-add">
          <h2 id="cso-add">
            <FormattedMessage id="cso.addTitle" />
          </h2>
          <Disclosure label={<FormattedMessage id="cso.addOpen" />}>
            <CsoForm org={null} states={stateList} idPrefix="cso-new" labelledBy="cso-add" onSaved={reload} />
          </Disclosure>
        </section>
      )}
    </>
  );
}
