import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { LANGS } from '../../shared/lang.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../shared/schemas/documents.js';
import type { AgendaItem } from '../../shared/schemas/agenda.js';
import { SelectField, TextField } from '../forms/Field.js';
import { FILTER_NAMES, type DocumentFilters } from './types.js';

const allowed: Record<keyof DocumentFilters, (value: string) => boolean> = {
  kind: (v) => (DOCUMENT_KINDS as readonly string[]).includes(v),
  language: (v) => (LANGS as readonly string[]).includes(v),
  agendaItem: (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v),
  status: (v) => (DOCUMENT_STATUSES as readonly string[]).includes(v),
  q: (v) => v.trim() !== '' && v.length <= 200,
};

/**
 * The filters in the address, each kept only when the API would accept it: a hand-edited or
 * stale link shows every document rather than an error page.
 */
export function useDocumentFilters(): DocumentFilters {
  const [params] = useSearchParams();
  const read = (name: keyof DocumentFilters) => {
    const value = params.get(name) ?? '';
    return allowed[name](value) ? value : '';
  };
  return {
    kind: read('kind'),
    language: read('language'),
    agendaItem: read('agendaItem'),
    status: read('status'),
    q: read('q'),
  };
}

/** Kind, language, agenda item, status and words; they combine, and live in the URL to be shared. */
export function DocumentFilterForm({ filters, items }: { filters: DocumentFilters; items: AgendaItem[] }) {
  const intl = useIntl();
  const [, setParams] = useSearchParams();
  const [values, setValues] = useState<DocumentFilters>(filters);
  const set = (name: keyof DocumentFilters) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) if (values[name].trim()) next.set(name, values[name].trim());
    setParams(next);
  };
  const clear = () => {
    setValues({ kind: '', language: '', agendaItem: '', status: '', q: '' });
    setParams(new URLSearchParams());
  };
  const any = (id: string) => ({ value: '', label: intl.formatMessage({ id }) });
  return (
    <form
      role="search"
      className="filters document-filters"
      onSubmit={apply}
      aria-label={intl.formatMessage({ id: 'documents.filter' })}
    >
      <TextField
        id="documents-q"
        type="search"
        label={intl.formatMessage({ id: 'documents.filter.q' })}
        hint={<FormattedMessage id="documents.filter.qHint" />}
        value={values.q}
        onChange={set('q')}
        maxLength={200}
        autoComplete="off"
      />
      <SelectField
        id="documents-kind"
        label={intl.formatMessage({ id: 'documents.field.kind' })}
        value={values.kind}
        onChange={set('kind')}
        options={[
          any('documents.filter.anyKind'),
          ...DOCUMENT_KINDS.map((k) => ({ value: k, label: intl.formatMessage({ id: `documents.kind.${k}` }) })),
        ]}
      />
      <SelectField
        id="documents-language"
        label={intl.formatMessage({ id: 'documents.filter.language' })}
        value={values.language}
        onChange={set('language')}
        options={[
          any('documents.filter.anyLanguage'),
          ...LANGS.map((l) => ({ value: l, label: intl.formatMessage({ id: `lang.name.${l}` }) })),
        ]}
      />
      {items.length > 0 && (
        <SelectField
          id="documents-item"
          label={intl.formatMessage({ id: 'documents.field.agendaItem' })}
          value={values.agendaItem}
          onChange={set('agendaItem')}
          options={[
            any('documents.filter.anyItem'),
            ...items.map((item) => ({
              value: item.key,
              label: intl.formatMessage(
                { id: 'documents.agendaItemName' },
                { number: item.number, title: item.title.text },
              ),
            })),
          ]}
        />
      )}
      <SelectField
        id="documents-status"
        label={intl.formatMessage({ id: 'documents.field.status' })}
        value={values.status}
        onChange={set('status')}
        options={[
          any('documents.filter.anyStatus'),
          ...DOCUMENT_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: `documents.status.${s}` }) })),
        ]}
      />
      <p className="actions">
        <button type="submit">
          <FormattedMessage id="documents.filter.apply" />
        </button>
        <button type="button" className="secondary" onClick={clear}>
          <FormattedMessage id="documents.filter.clear" />
        </button>
      </p>
    </form>
  );
}
