import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { send } from '../api.js';
import { SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { documentErrors } from './problems.js';
import { documentPath, documentUrl, type DocumentView } from './types.js';

const ID = {
  source: 'generate-source',
  version: 'generate-version',
  distribution: 'generate-distribution',
  date: 'generate-date',
};

/**
 * The secretariat issues what Continental renders — an agenda version, the list of participants
 * as of now — into the register, stored as rendered. The first becomes a document; later ones
 * its revisions (the server decides), so the page of the result says which.
 */
export function GenerateDocumentForm({ slug, agendaVersions }: { slug: string; agendaVersions: number }) {
  const intl = useIntl();
  const lang = usePageLang();
  const navigate = useNavigate();
  const form = useForm();
  const [v, setV] = useState({
    source: agendaVersions > 0 ? 'agenda' : 'participant_list',
    version: String(agendaVersions),
    distribution: 'public',
    date: '',
  });
  const set = (name: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [name]: value }));
  const label = (id: string) => intl.formatMessage({ id });

  const onSubmit = () =>
    form.submit(
      () => [],
      async () => {
        const body: Record<string, unknown> = { source: v.source, distribution: v.distribution };
        if (v.source === 'agenda') body.version = Number(v.version);
        if (v.date) body.date = v.date;
        const doc = await send<DocumentView>('POST', documentUrl.generated(slug, lang), body);
        void navigate(documentPath.document(lang, doc.id), { state: { filed: true } });
      },
      (err) =>
        documentErrors(
          intl,
          err,
          { '/date': ID.date, '/version': ID.version },
          { reasonField: { already_registered: ID.version, no_version: ID.source } },
        ),
    );

  return (
    <section aria-labelledby="document-generate">
      <h2 id="document-generate">
        <FormattedMessage id="documents.generate.title" />
      </h2>
      <p>
        <FormattedMessage id="documents.generate.intro" />
      </p>
      <Form form={form} onSubmit={() => void onSubmit()} className="narrow-form" labelledBy="document-generate">
        <SelectField
          id={ID.source}
          label={label('documents.generate.source')}
          value={v.source}
          onChange={set('source')}
          error={form.errorFor(ID.source)}
          options={[
            ...(agendaVersions > 0 ? [{ value: 'agenda', label: label('documents.generate.agenda') }] : []),
            { value: 'participant_list', label: label('documents.generate.participants') },
          ]}
        />
        {v.source === 'agenda' && (
          <SelectField
            id={ID.version}
            label={label('documents.generate.version')}
            value={v.version}
            onChange={set('version')}
            error={form.errorFor(ID.version)}
            options={Array.from({ length: agendaVersions }, (_, i) => {
              const n = String(agendaVersions - i);
              return { value: n, label: intl.formatMessage({ id: 'documents.generate.versionN' }, { n }) };
            })}
          />
        )}
        <SelectField
          id={ID.distribution}
          label={label('documents.field.distribution')}
          value={v.distribution}
          onChange={set('distribution')}
          options={['public', 'participants'].map((d) => ({ value: d, label: label(`documents.distribution.${d}`) }))}
        />
        <TextField
          id={ID.date}
          type="date"
          label={label('documents.field.date')}
          hint={<FormattedMessage id="documents.generate.dateHint" />}
          value={v.date}
          onChange={set('date')}
          error={form.errorFor(ID.date)}
        />
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="documents.generate.submit" />
        </button>
      </Form>
    </section>
  );
}
