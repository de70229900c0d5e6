import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, type Lang } from '../../shared/lang.js';
import { Checkbox, SelectField, TextArea, TextField } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { fieldId, type LangVersion, type PracticeFormState } from './formModel.js';
import { TEXT_FIELDS, TEXT_SOURCES, type PracticeTextField } from './types.js';

const ROWS: Record<PracticeTextField, number> = { title: 1, summary: 3, description: 8, results: 5, lessons: 5 };
const REQUIRED: PracticeTextField[] = ['title', 'summary', 'description'];

/**
 * The texts: an original language, then one fieldset per language the reader adds, side by
 * side on a wide screen. Each language says who wrote it (submitter, secretariat, unofficial).
 */
export function TextVersions({
  value,
  onChange,
  form,
}: {
  value: PracticeFormState;
  onChange: (next: PracticeFormState) => void;
  form: FormState;
}) {
  const intl = useIntl();
  const name = (l: Lang) => intl.formatMessage({ id: `lang.name.${l}` });
  const setVersion = (l: Lang, change: Partial<LangVersion>) =>
    onChange({ ...value, versions: { ...value.versions, [l]: { ...value.versions[l], ...change } } });
  const setText = (l: Lang, f: PracticeTextField, text: string) =>
    setVersion(l, { text: { ...value.versions[l].text, [f]: text } });
  const setOriginal = (l: Lang) =>
    onChange({
      ...value,
      original: l,
      // The original is the submitter's own text by definition of the form.
      versions: { ...value.versions, [l]: { ...value.versions[l], on: true, source: 'submitter' } },
    });
  const shown = LANGS.filter((l) => l === value.original || value.versions[l].on);
  return (
    <>
      <SelectField
        id={fieldId.original}
        label={intl.formatMessage({ id: 'practices.field.original' })}
        hint={<FormattedMessage id="practices.field.originalHint" />}
        value={value.original}
        onChange={(v) => setOriginal(v as Lang)}
        options={LANGS.map((l) => ({ value: l, label: name(l) }))}
      />
      <fieldset className="field">
        <legend>
          <FormattedMessage id="practices.field.translations" />
        </legend>
        {LANGS.filter((l) => l !== value.original).map((l) => (
          <Checkbox
            key={l}
            id={`pf-add-${l}`}
            label={name(l)}
            checked={value.versions[l].on}
            onChange={(on) => setVersion(l, { on })}
          />
        ))}
      </fieldset>
      <div className="practice-versions">
        {shown.map((l) => {
          const original = l === value.original;
          return (
            <fieldset key={l} className="practice-version">
              <legend>
                {original
                  ? intl.formatMessage({ id: 'practices.version.original' }, { language: name(l) })
                  : intl.formatMessage({ id: 'practices.version.translation' }, { language: name(l) })}
              </legend>
              {!original && (
                <SelectField
                  id={fieldId.source(l)}
                  label={intl.formatMessage({ id: 'practices.field.source' })}
                  value={value.versions[l].source}
                  onChange={(v) => setVersion(l, { source: v as LangVersion['source'] })}
                  options={TEXT_SOURCES.map((s) => ({
                    value: s,
                    label: intl.formatMessage({ id: `practices.source.${s}` }),
                  }))}
                />
              )}
              {TEXT_FIELDS.map((f) => {
                const common = {
                  id: fieldId.text(l, f),
                  label: intl.formatMessage({ id: `practices.field.${f}` }),
                  required: original && REQUIRED.includes(f),
                  value: value.versions[l].text[f],
                  onChange: (t: string) => setText(l, f, t),
                  error: form.errorFor(fieldId.text(l, f)),
                };
                return f === 'title' ? (
                  <TextField key={f} {...common} lang={l} maxLength={300} />
                ) : (
                  <TextArea key={f} {...common} lang={l} rows={ROWS[f]} />
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </>
  );
}
