import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { LANGS, type Lang } from '../../shared/lang.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import {
  DELEGATION_DOCUMENT_KINDS,
  DISTRIBUTIONS,
  DOCUMENT_KINDS,
  SYMBOL_MAX,
  type DocumentInput,
} from '../../shared/schemas/documents.js';
import type { MemberState, Organization } from '../../shared/schemas/reference.js';
import type { SessionUser } from '../account/types.js';
import { apiUrl, send } from '../api.js';
import { SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { Checks } from '../forms/checks.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { documentErrors } from './problems.js';
import { documentPath, documentUrl, type DocumentView } from './types.js';

/** For whom the user may file: the whole register (secretariat), or their states and organisations. */
export type FilingScope =
  { type: 'secretariat' } | { type: 'state'; memberState: string } | { type: 'organization'; organizationId: string };

export function filingScopes(user: SessionUser | null): FilingScope[] {
  if (!user) return [];
  if (user.roles.some((r) => r.role === 'secretariat')) return [{ type: 'secretariat' }];
  return user.roles.flatMap((r): FilingScope[] => {
    if (r.role === 'focal_point' && r.memberState) return [{ type: 'state', memberState: r.memberState }];
    if (r.role === 'organization_rep' && r.organizationId) {
      return [{ type: 'organization', organizationId: r.organizationId }];
    }
    return [];
  });
}

const scopeValue = (s: FilingScope) =>
  s.type === 'state' ? `state:${s.memberState}` : s.type === 'organization' ? `org:${s.organizationId}` : '';

const ID = {
  kind: 'doc-kind',
  original: 'doc-original',
  title: 'doc-title',
  date: 'doc-date',
  distribution: 'doc-distribution',
  item: 'doc-item',
  scope: 'doc-scope',
  state: 'doc-state',
  org: 'doc-org',
  symbol: 'doc-symbol',
};
const FIELDS = {
  '/kind': ID.kind,
  '/title/original': ID.original,
  '/title': ID.title,
  '/date': ID.date,
  '/distribution': ID.distribution,
  '/agendaItemKey': ID.item,
  '/memberState': ID.state,
  '/organizationId': ID.org,
  '/symbol': ID.symbol,
};

/** File a new document (a draft); the page of the new document opens to add its files. */
export function CreateDocumentForm({
  slug,
  scopes,
  items,
}: {
  slug: string;
  scopes: FilingScope[];
  items: AgendaItem[];
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const navigate = useNavigate();
  const form = useForm();
  const secretariat = scopes.some((s) => s.type === 'secretariat');
  const states = useApi<{ items: MemberState[] }>(apiUrl.memberStates(lang));
  const orgs = useApi<{ items: Organization[] }>(apiUrl.organizations(lang));
  const stateName = (iso3: string) =>
    (states.status === 'ok' ? states.data.items.find((s) => s.iso3 === iso3)?.name : undefined) ?? iso3;
  const orgName = (id: string) =>
    (orgs.status === 'ok' ? orgs.data.items.find((o) => o.id === id)?.name : undefined) ?? id;
  const kinds = secretariat ? DOCUMENT_KINDS : DELEGATION_DOCUMENT_KINDS;
  const [v, setV] = useState({
    kind: kinds[0] as string,
    original: lang as string,
    title: '',
    date: '',
    distribution: 'public',
    item: '',
    scope: scopeValue(scopes[0] ?? { type: 'secretariat' }),
    state: '',
    org: '',
    symbol: '',
  });
  const set = (name: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [name]: value }));
  const label = (id: string) => intl.formatMessage({ id });
  const opt = (value: string, id: string) => ({ value, label: label(id) });

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (checks.required(ID.title, v.title, label('documents.field.title'))) {
          checks.maxLength(ID.title, v.title, 2000, label('documents.field.title'));
        }
        if (secretariat) checks.maxLength(ID.symbol, v.symbol, SYMBOL_MAX, label('documents.field.symbol'));
        return checks.errors;
      },
      async () => {
        const original = v.original as Lang;
        const scope = secretariat ? null : scopes.find((s) => scopeValue(s) === v.scope);
        const body: DocumentInput = {
          kind: v.kind as DocumentInput['kind'],
          title: { original, values: { [original]: { text: v.title.trim(), official: true } } },
          date: v.date || null,
          distribution: v.distribution as DocumentInput['distribution'],
          agendaItemKey: v.item || null,
          memberState: secretariat ? v.state || null : scope?.type === 'state' ? scope.memberState : null,
          organizationId: secretariat ? v.org || null : scope?.type === 'organization' ? scope.organizationId : null,
        };
        if (secretariat && v.symbol.trim()) body.symbol = v.symbol.trim();
        const doc = await send<DocumentView>('POST', documentUrl.create(slug, lang), body);
        // The new page says it was filed; focus goes to its heading (see DocumentPage).
        void navigate(documentPath.document(lang, doc.id), { state: { filed: true } });
      },
      (err) => documentErrors(intl, err, FIELDS, { reasonField: { symbol_taken: ID.symbol } }),
    );

  return (
    <section aria-labelledby="document-create">
      <h2 id="document-create">
        <FormattedMessage id="documents.create.title" />
      </h2>
      <p>
        <FormattedMessage id={secretariat ? 'documents.create.intro' : 'documents.create.introDelegation'} />
      </p>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-create">
        {!secretariat && (
          <SelectField
            id={ID.scope}
            label={label('documents.field.filedFor')}
            value={v.scope}
            onChange={set('scope')}
            options={scopes.map((s) => ({
              value: scopeValue(s),
              label:
                s.type === 'state'
                  ? stateName(s.memberState)
                  : s.type === 'organization'
                    ? orgName(s.organizationId)
                    : '',
            }))}
          />
        )}
        <SelectField
          id={ID.kind}
          label={label('documents.field.kind')}
          value={v.kind}
          onChange={set('kind')}
          error={form.errorFor(ID.kind)}
          options={kinds.map((k) => opt(k, `documents.kind.${k}`))}
        />
        <SelectField
          id={ID.original}
          label={label('documents.field.originalLang')}
          value={v.original}
          onChange={set('original')}
          error={form.errorFor(ID.original)}
          options={LANGS.map((l) => opt(l, `lang.name.${l}`))}
        />
        <TextField
          id={ID.title}
          label={label('documents.field.title')}
          hint={<FormattedMessage id="documents.field.titleHint" />}
          required
          value={v.title}
          onChange={set('title')}
          error={form.errorFor(ID.title)}
          lang={v.original === lang ? undefined : v.original}
        />
        <TextField
          id={ID.date}
          type="date"
          label={label('documents.field.date')}
          hint={<FormattedMessage id="documents.field.dateHint" />}
          value={v.date}
          onChange={set('date')}
          error={form.errorFor(ID.date)}
        />
        <SelectField
          id={ID.distribution}
          label={label('documents.field.distribution')}
          value={v.distribution}
          onChange={set('distribution')}
          error={form.errorFor(ID.distribution)}
          options={DISTRIBUTIONS.map((d) => opt(d, `documents.distribution.${d}`))}
        />
        {items.length > 0 && (
          <SelectField
            id={ID.item}
            label={label('documents.field.agendaItem')}
            value={v.item}
            onChange={set('item')}
            error={form.errorFor(ID.item)}
            options={[
              opt('', 'documents.field.none'),
              ...items.map((i) => ({
                value: i.key,
                label: intl.formatMessage(
                  { id: 'documents.agendaItemName' },
                  { number: i.number, title: i.title.text },
                ),
              })),
            ]}
          />
        )}
        {secretariat && (
          <>
            <SelectField
              id={ID.state}
              label={label('documents.field.memberState')}
              value={v.state}
              onChange={set('state')}
              error={form.errorFor(ID.state)}
              options={[
                opt('', 'documents.field.none'),
                ...(states.status === 'ok' ? states.data.items.map((s) => ({ value: s.iso3, label: s.name })) : []),
              ]}
            />
            <SelectField
              id={ID.org}
              label={label('documents.field.organization')}
              value={v.org}
              onChange={set('org')}
              error={form.errorFor(ID.org)}
              options={[
                opt('', 'documents.field.none'),
                ...(orgs.status === 'ok' ? orgs.data.items.map((o) => ({ value: o.id, label: o.name })) : []),
              ]}
            />
            <TextField
              id={ID.symbol}
              label={label('documents.field.symbol')}
              hint={<FormattedMessage id="documents.field.symbolHint" />}
              value={v.symbol}
              onChange={set('symbol')}
              error={form.errorFor(ID.symbol)}
              autoComplete="off"
            />
          </>
        )}
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="documents.create.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
