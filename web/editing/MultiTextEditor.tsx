import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, isLang, type Lang } from '../../shared/lang.js';
import type { MultiTextInput } from '../../shared/schemas/editing.js';
import { Checkbox, SelectField, TextArea, TextField } from '../forms/Field.js';
import { useReveal } from '../forms/formContext.js';
import type { FormState } from '../forms/useForm.js';
import { originalFieldId, textFieldId, textOf } from './multiText.js';

interface Props {
  /** Base of the control ids (see textFieldId). */
  id: string;
  legend: ReactNode;
  value: MultiTextInput;
  onChange: (value: MultiTextInput) => void;
  form: FormState;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
}

/**
 * One content text in four languages: the original-language select, then a tab per language,
 * each with the text and whether that version is official.
 */
export function MultiTextEditor({ id, legend, value, onChange, form, multiline = false, rows = 3, hint }: Props) {
  const intl = useIntl();
  const [active, setActive] = useState<Lang>(value.original);
  const tabs = useRef(new Map<Lang, HTMLButtonElement>());
  const uid = useId();
  const name = (l: Lang) => intl.formatMessage({ id: `lang.name.${l}` });

  const ids = LANGS.flatMap((l) => [textFieldId(id, l), `${textFieldId(id, l)}-official`]);
  const reveal = useCallback(
    (fieldId: string) => {
      const lang = fieldId.slice(id.length + 1, id.length + 3);
      if (isLang(lang)) setActive(lang);
    },
    [id],
  );
  useReveal(ids, reveal);

  const setText = (lang: Lang, text: string) =>
    onChange({
      ...value,
      values: { ...value.values, [lang]: { text, official: value.values[lang]?.official ?? lang === value.original } },
    });
  const setOfficial = (lang: Lang, official: boolean) =>
    onChange({ ...value, values: { ...value.values, [lang]: { text: textOf(value, lang), official } } });

  const textProps = (l: Lang) => ({
    id: textFieldId(id, l),
    label: intl.formatMessage({ id: 'editing.textIn' }, { language: name(l) }),
    value: textOf(value, l),
    onChange: (text: string) => setText(l, text),
    error: form.errorFor(textFieldId(id, l)),
    lang: l,
    required: l === value.original,
  });

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation), from the focused one.
  const onKeyDown = (event: KeyboardEvent) => {
    const focused = (event.target as HTMLElement).dataset.lang;
    const index = LANGS.indexOf(isLang(focused) ? focused : active);
    const steps: Record<string, number> = {
      ArrowRight: (index + 1) % LANGS.length,
      ArrowLeft: (index + LANGS.length - 1) % LANGS.length,
      Home: 0,
      End: LANGS.length - 1,
    };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const lang = LANGS[next] ?? active;
    setActive(lang);
    tabs.current.get(lang)?.focus();
  };

  return (
    <fieldset className="multitext">
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <SelectField
        id={originalFieldId(id)}
        label={intl.formatMessage({ id: 'editing.original' })}
        value={value.original}
        onChange={(v) => isLang(v) && onChange({ ...value, original: v })}
        options={LANGS.map((l) => ({ value: l, label: name(l) }))}
        error={form.errorFor(originalFieldId(id))}
      />
      <div
        role="tablist"
        className="lang-tabs"
        aria-label={intl.formatMessage({ id: 'editing.versions' })}
        onKeyDown={onKeyDown}
      >
        {LANGS.map((l) => {
          const hasError = form.errorFor(textFieldId(id, l)) !== undefined;
          return (
            <button
              key={l}
              type="button"
              role="tab"
              data-lang={l}
              id={`${uid}-tab-${l}`}
              aria-selected={active === l}
              aria-controls={`${uid}-panel-${l}`}
              tabIndex={active === l ? 0 : -1}
              ref={(el) => {
                if (el) tabs.current.set(l, el);
              }}
              onClick={() => setActive(l)}
              className={hasError ? 'has-error' : undefined}
            >
              {name(l)}
              {l === value.original && (
                <span className="tab-note">
                  {' '}
                  <FormattedMessage id="editing.originalMark" />
                </span>
              )}
              {textOf(value, l).trim() === '' && (
                <span className="tab-note">
                  {' '}
                  <FormattedMessage id="editing.emptyMark" />
                </span>
              )}
              {hasError && (
                <span className="tab-note">
                  {' '}
                  <FormattedMessage id="editing.errorMark" />
                </span>
              )}
            </button>
          );
        })}
      </div>
      {LANGS.map((l) => (
        <div key={l} role="tabpanel" id={`${uid}-panel-${l}`} aria-labelledby={`${uid}-tab-${l}`} hidden={active !== l}>
          {multiline ? <TextArea {...textProps(l)} rows={rows} /> : <TextField {...textProps(l)} />}
          <Checkbox
            id={`${textFieldId(id, l)}-official`}
            label={<FormattedMessage id="editing.official" values={{ language: name(l) }} />}
            checked={value.values[l]?.official ?? false}
            onChange={(official) => setOfficial(l, official)}
          />
        </div>
      ))}
    </fieldset>
  );
}
