import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../forms/Field.js';
import { AUDIT_FILTERS, OUTCOMES, type AuditFilter } from './auditTypes.js';

/** The filters live in the URL, so a filtered trail can be bookmarked and shared. */
export function AuditFilters() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<Record<AuditFilter, string>>(
    () => Object.fromEntries(AUDIT_FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<AuditFilter, string>,
  );
  const set = (name: AuditFilter) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of AUDIT_FILTERS) if (values[f].trim()) next.set(f, values[f].trim());
    setParams(next);
  };
  const clear = () => {
    setValues(Object.fromEntries(AUDIT_FILTERS.map((f) => [f, ''])) as Record<AuditFilter, string>);
    setParams(new URLSearchParams());
  };
  const text = (name: 'action' | 'actor' | 'objectType') => (
    <TextField
      id={`audit-${name}`}
      label={intl.formatMessage({ id: `audit.${name}` })}
      hint={<FormattedMessage id={`audit.${name}Hint`} />}
      value={values[name]}
      onChange={set(name)}
      autoComplete="off"
    />
  );
  return (
    <form role="search" className="filters" onSubmit={apply} aria-label={intl.formatMessage({ id: 'audit.filter' })}>
      {text('action')}
      {text('actor')}
      {text('objectType')}
      <SelectField
        id="audit-outcome"
        label={intl.formatMessage({ id: 'audit.outcome' })}
        value={values.outcome}
        onChange={set('outcome')}
        options={[
          { value: '', label: intl.formatMessage({ id: 'audit.anyOutcome' }) },
          ...OUTCOMES.map((o) => ({ value: o, label: intl.formatMessage({ id: `audit.outcome.${o}` }) })),
        ]}
      />
      <fieldset className="date-range">
        <legend>
          <FormattedMessage id="audit.dates" />
        </legend>
        <TextField
          id="audit-from"
          type="date"
          label={intl.formatMessage({ id: 'audit.from' })}
          value={values.from}
          onChange={set('from')}
        />
        <TextField
          id="audit-to"
          type="date"
          label={intl.formatMessage({ id: 'audit.to' })}
          value={values.to}
          onChange={set('to')}
        />
      </fieldset>
      <p className="actions">
        <button type="submit">
          <FormattedMessage id="audit.apply" />
        </button>{' '}
        <button type="button" className="secondary" onClick={clear}>
          <FormattedMessage id="audit.clear" />
        </button>
      </p>
    </form>
  );
}
