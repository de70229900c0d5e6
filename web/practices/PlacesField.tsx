import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, type Lang } from '../../shared/lang.js';
import { TextField } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { useFocusAfterRender } from './useFocusAfterRender.js';
import { blankPlace, fieldId, MAX_ROWS, PLACE_MAX, type PlaceNames } from './formModel.js';

/**
 * Places that are not member states (the Netherlands Antilles of the Caribbean project): a
 * fieldset per place with its name in each language. Adding a place moves focus to its first
 * name; removing one moves it to the add button, so a keyboard user never lands nowhere.
 */
export function PlacesField({
  value,
  onChange,
  form,
}: {
  value: PlaceNames[];
  onChange: (next: PlaceNames[]) => void;
  form: FormState;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const focusSoon = useFocusAfterRender();

  const setName = (i: number, l: Lang, name: string) =>
    onChange(value.map((p, j) => (j === i ? { ...p, [l]: name } : p)));
  const add = () => {
    onChange([...value, blankPlace()]);
    focusSoon(fieldId.place(value.length, LANGS[0]));
  };
  const remove = (i: number) => {
    onChange(value.filter((_, j) => j !== i));
    focusSoon(fieldId.placeAdd);
  };
  const listError = value.length === 0 ? form.errorFor(fieldId.placeAdd) : undefined;

  return (
    <fieldset className="field practice-rows" aria-describedby="pf-places-hint">
      <legend>
        <FormattedMessage id="practices.place.legend" />
      </legend>
      <p className="hint" id="pf-places-hint">
        <FormattedMessage id="practices.place.hint" values={{ max: MAX_ROWS }} />
      </p>
      {listError && (
        <p className="field-error">
          <span className="visually-hidden">
            <FormattedMessage id="form.errorPrefix" />{' '}
          </span>
          {listError}
        </p>
      )}
      {value.map((place, i) => (
        <fieldset key={i} className="practice-row">
          <legend>{t('practices.place.item', { number: i + 1 })}</legend>
          <div className="practice-row-fields">
            {LANGS.map((l) => (
              <TextField
                key={l}
                id={fieldId.place(i, l)}
                label={t('practices.place.nameIn', { language: t(`lang.name.${l}`) })}
                value={place[l]}
                onChange={(name) => setName(i, l, name)}
                error={form.errorFor(fieldId.place(i, l))}
                maxLength={PLACE_MAX}
                lang={l}
              />
            ))}
          </div>
          <button type="button" className="secondary" onClick={() => remove(i)}>
            {t('practices.place.remove', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      {value.length < MAX_ROWS ? (
        <button type="button" className="secondary" id={fieldId.placeAdd} onClick={add}>
          <FormattedMessage id="practices.place.add" />
        </button>
      ) : (
        <p>
          <FormattedMessage id="practices.place.full" values={{ max: MAX_ROWS }} />
        </p>
      )}
    </fieldset>
  );
}
