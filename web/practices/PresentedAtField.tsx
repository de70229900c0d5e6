import { FormattedMessage, useIntl } from 'react-intl';
import type { Agenda } from '../../shared/schemas/agenda.js';
import type { MeetingList } from '../../shared/schemas/meeting.js';
import { apiUrl } from '../api.js';
import { agendaItems } from '../documents/types.js';
import { SelectField, type Option } from '../forms/Field.js';
import type { FormState } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { useFocusAfterRender } from './useFocusAfterRender.js';
import { fieldId, MAX_ROWS, type PresentedAtRow } from './formModel.js';

type Row = { i: number; row: PresentedAtRow; meetings: Option[]; form: FormState };

/**
 * One presentation: the meeting, then an item of its published agenda. Items are named by
 * their stable key, the one the server checks against the published agenda versions.
 */
function Presentation({ i, row, meetings, form, onChange }: Row & { onChange: (row: PresentedAtRow) => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const agenda = useApi<Agenda>(row.meeting ? apiUrl.agenda(row.meeting, lang, null) : null);
  const items: Option[] =
    agenda.status === 'ok'
      ? agendaItems(agenda.data).map((item) => ({
          value: item.key,
          label: t('documents.agendaItemName', { number: item.number, title: item.title.text }),
          lang: item.title.lang === lang ? undefined : item.title.lang,
        }))
      : [];
  // A saved item no longer on the agenda stays chosen (by its key) rather than silently change.
  if (row.agendaItem && !items.some((o) => o.value === row.agendaItem) && agenda.status !== 'loading') {
    items.push({ value: row.agendaItem, label: row.agendaItem });
  }
  const meetingOptions = [{ value: '', label: t('practices.presented.chooseMeeting') }, ...meetings];
  if (row.meeting && !meetings.some((m) => m.value === row.meeting)) {
    meetingOptions.push({ value: row.meeting, label: row.meeting });
  }
  return (
    <div className="practice-row-fields">
      <SelectField
        id={fieldId.presentedMeeting(i)}
        label={t('practices.presented.meeting')}
        required
        value={row.meeting}
        onChange={(meeting) => onChange({ meeting, agendaItem: '' })}
        options={meetingOptions}
        error={form.errorFor(fieldId.presentedMeeting(i))}
      />
      {row.meeting &&
        (agenda.status === 'error' ? (
          <p className="hint">
            <FormattedMessage id="practices.presented.noAgenda" />
          </p>
        ) : (
          <SelectField
            id={fieldId.presentedItem(i)}
            label={t('practices.presented.item')}
            value={row.agendaItem}
            onChange={(agendaItem) => onChange({ ...row, agendaItem })}
            options={[{ value: '', label: t('practices.presented.wholeMeeting') }, ...items]}
            disabled={agenda.status === 'loading'}
            error={form.errorFor(fieldId.presentedItem(i))}
          />
        ))}
    </div>
  );
}

/**
 * The meetings and agenda items where the practice was presented, a fieldset each. As with
 * the places, focus follows an addition to the new meeting select and a removal to the add button.
 */
export function PresentedAtField({
  value,
  onChange,
  form,
}: {
  value: PresentedAtRow[];
  onChange: (next: PresentedAtRow[]) => void;
  form: FormState;
}) {
  const intl = useIntl();
  const lang = usePageLang();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const list = useApi<MeetingList>(apiUrl.meetings(lang));
  const meetings: Option[] =
    list.status === 'ok'
      ? list.data.items.map((m) => ({
          value: m.slug,
          label: m.title.text,
          lang: m.title.lang === lang ? undefined : m.title.lang,
        }))
      : [];
  const focusSoon = useFocusAfterRender();
  const add = () => {
    onChange([...value, { meeting: '', agendaItem: '' }]);
    focusSoon(fieldId.presentedMeeting(value.length));
  };
  const remove = (i: number) => {
    onChange(value.filter((_, j) => j !== i));
    focusSoon(fieldId.presentedAdd);
  };
  const listError = value.length === 0 ? form.errorFor(fieldId.presentedAdd) : undefined;

  return (
    <fieldset className="field practice-rows" aria-describedby="pf-presented-hint">
      <legend>
        <FormattedMessage id="practices.presented.legend" />
      </legend>
      <p className="hint" id="pf-presented-hint">
        <FormattedMessage id="practices.presented.hint" values={{ max: MAX_ROWS }} />
      </p>
      {listError && (
        <p className="field-error">
          <span className="visually-hidden">
            <FormattedMessage id="form.errorPrefix" />{' '}
          </span>
          {listError}
        </p>
      )}
      {value.map((row, i) => (
        <fieldset key={i} className="practice-row">
          <legend>{t('practices.presented.entry', { number: i + 1 })}</legend>
          <Presentation
            i={i}
            row={row}
            meetings={meetings}
            form={form}
            onChange={(next) => onChange(value.map((r, j) => (j === i ? next : r)))}
          />
          <button type="button" className="secondary" onClick={() => remove(i)}>
            {t('practices.presented.remove', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      {value.length < MAX_ROWS ? (
        <button type="button" className="secondary" id={fieldId.presentedAdd} onClick={add}>
          <FormattedMessage id="practices.presented.add" />
        </button>
      ) : (
        <p>
          <FormattedMessage id="practices.presented.full" values={{ max: MAX_ROWS }} />
        </p>
      )}
    </fieldset>
  );
}
