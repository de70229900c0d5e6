import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../forms/Field.js';
import type { Names } from './names.js';
import { FILTER_NAMES, type FilterName, type LibrarySearch, type SearchResult } from './types.js';

const VALUE = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The search in the address, each part kept only when the API would accept it: a hand-edited
 * or stale link shows the whole library rather than an error page.
 */
export function useLibrarySearch(): LibrarySearch {
  const [params] = useSearchParams();
  const read = (name: string, ok: (v: string) => boolean) => {
    const value = params.get(name) ?? '';
    return ok(value) ? value : '';
  };
  const out = {
    q: read('q', (v) => v.trim() !== '' && v.length <= 200),
    sort: read('sort', (v) => v === 'relevance' || v === 'date'),
  } as LibrarySearch;
  for (const name of FILTER_NAMES) out[name] = read(name, (v) => VALUE.test(v));
  return out;
}

const EMPTY = { q: '', sort: '', ...Object.fromEntries(FILTER_NAMES.map((n) => [n, ''])) } as LibrarySearch;

/**
 * Words, sort and one value per facet, each offered with the number of practices it would
 * leave; they combine (AND) and live in the URL so a search can be shared.
 */
export function LibrarySearchForm({
  search,
  facets,
  names,
}: {
  search: LibrarySearch;
  facets: SearchResult['facets'] | null;
  names: Names;
}) {
  const intl = useIntl();
  const [, setParams] = useSearchParams();
  const [values, setValues] = useState<LibrarySearch>(search);
  const set = (name: keyof LibrarySearch) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim()) next.set(name, value.trim());
    setParams(next);
  };
  const clear = () => {
    setValues(EMPTY);
    setParams(new URLSearchParams());
  };
  const options = (facet: FilterName) => {
    const counts = facets?.[facet] ?? [];
    const list = counts.map((c) => ({
      value: c.value,
      label: intl.formatMessage(
        { id: 'practices.filter.valueCount' },
        { value: names.value(facet, c.value), count: c.count },
      ),
    }));
    // The chosen value stays offered even when this search leaves no practice with it.
    if (values[facet] && !counts.some((c) => c.value === values[facet])) {
      list.unshift({ value: values[facet], label: names.value(facet, values[facet]) });
    }
    if (facet !== 'year') list.sort((a, b) => a.label.localeCompare(b.label));
    return [{ value: '', label: intl.formatMessage({ id: 'practices.filter.any' }) }, ...list];
  };
  return (
    <form
      role="search"
      className="filters practice-filters"
      onSubmit={apply}
      aria-label={intl.formatMessage({ id: 'practices.search' })}
    >
      <TextField
        id="practices-q"
        type="search"
        className="practice-q"
        label={intl.formatMessage({ id: 'practices.search.q' })}
        hint={<FormattedMessage id="practices.search.qHint" />}
        value={values.q}
        onChange={set('q')}
        maxLength={200}
        autoComplete="off"
      />
      {FILTER_NAMES.map((facet) => (
        <SelectField
          key={facet}
          id={`practices-${facet}`}
          label={intl.formatMessage({ id: `practices.facet.${facet}` })}
          value={values[facet]}
          onChange={set(facet)}
          options={options(facet)}
        />
      ))}
      <SelectField
        id="practices-sort"
        label={intl.formatMessage({ id: 'practices.sort' })}
        value={values.sort || 'relevance'}
        onChange={set('sort')}
        options={['relevance', 'date'].map((s) => ({
          value: s,
          label: intl.formatMessage({ id: `practices.sort.${s}` }),
        }))}
      />
      <p className="actions">
        <button type="submit">
          <FormattedMessage id="practices.search.apply" />
        </button>
        <button type="button" className="secondary" onClick={clear}>
          <FormattedMessage id="practices.search.clear" />
        </button>
      </p>
    </form>
  );
}
