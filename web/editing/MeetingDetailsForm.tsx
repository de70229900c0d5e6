import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MeetingSource, MultiTextInput } from '../../shared/schemas/editing.js';
import type { MeetingStatus } from '../../shared/schemas/meeting.js';
import { apiUrl, send } from '../api.js';
import { usePageLang } from '../i18n/hooks.js';
import { Checks } from '../forms/checks.js';
import { Checkbox, SelectField, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { MEETING_STATUSES } from './constants.js';
import { MultiTextEditor } from './MultiTextEditor.js';
import { cleanText, emptyText, isBlank, textFieldId, textOf, textPointers } from './multiText.js';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Checks every text the form sends: a version in its original language. */
export function checkText(checks: Checks, base: string, value: MultiTextInput, language: string): void {
  if (textOf(value, value.original).trim() === '') {
    checks.add(textFieldId(base, value.original), 'form.error.originalTextIn', { language });
  }
}

/** Title, venue, dates, time zone and status of a meeting (PATCH /api/meetings/{slug}). */
export function MeetingDetailsForm({ meeting, onSaved }: { meeting: MeetingSource; onSaved: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [title, setTitle] = useState(meeting.title);
  const [venueTbc, setVenueTbc] = useState(meeting.venue === null);
  const [venue, setVenue] = useState<MultiTextInput>(meeting.venue ?? emptyText(meeting.title.original));
  const [startDate, setStartDate] = useState(meeting.startDate);
  const [endDate, setEndDate] = useState(meeting.endDate);
  const [timeZone, setTimeZone] = useState(meeting.timeZone);
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const zones = useMemo(() => timeZones(meeting.timeZone), [meeting.timeZone]);
  const langName = (l: string) => intl.formatMessage({ id: `lang.name.${l}` });

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checkText(checks, 'meeting-title', title, langName(title.original));
        if (!venueTbc) checkText(checks, 'meeting-venue', venue, langName(venue.original));
        checks.required('meeting-start', startDate, intl.formatMessage({ id: 'editing.startDate' }));
        checks.required('meeting-end', endDate, intl.formatMessage({ id: 'editing.endDate' }));
        if (startDate && endDate && endDate < startDate) checks.add('meeting-end', 'form.error.dateOrder');
        return checks.errors;
      },
      async () => {
        await send('PATCH', `${apiUrl.meetingEdit(meeting.slug)}?lang=${lang}`, {
          title: cleanText(title),
          venue: venueTbc || isBlank(venue) ? null : cleanText(venue),
          startDate,
          endDate,
          timeZone,
          status,
        });
        form.setDone(intl.formatMessage({ id: 'editing.saved' }));
        onSaved();
      },
      (err): FormError[] => {
        // A status may only move forward, or one step back: otherwise 409 conflict.
        if (asApiError(err).code === 'conflict') {
          return [{ field: 'meeting-status', message: intl.formatMessage({ id: 'editing.statusConflict' }) }];
        }
        return problemErrors(intl, err, {
          ...textPointers('/title', 'meeting-title', title),
          ...textPointers('/venue', 'meeting-venue', venue),
          '/startDate': 'meeting-start',
          '/endDate': 'meeting-end',
          '/timeZone': 'meeting-zone',
          '/status': 'meeting-status',
        });
      },
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} labelledBy="meeting-details">
      <MultiTextEditor
        id="meeting-title"
        legend={<FormattedMessage id="editing.title" />}
        value={title}
        onChange={setTitle}
        form={form}
      />
      <Checkbox
        id="meeting-venue-tbc"
        label={<FormattedMessage id="editing.venueTbc" />}
        checked={venueTbc}
        onChange={setVenueTbc}
      />
      {!venueTbc && (
        <MultiTextEditor
          id="meeting-venue"
          legend={<FormattedMessage id="meeting.venue" />}
          value={venue}
          onChange={setVenue}
          form={form}
        />
      )}
      <fieldset>
        <legend>
          <FormattedMessage id="meeting.dates" />
        </legend>
        <TextField
          id="meeting-start"
          type="date"
          label={intl.formatMessage({ id: 'editing.startDate' })}
          value={startDate}
          onChange={setStartDate}
          error={form.errorFor('meeting-start')}
          required
        />
        <TextField
          id="meeting-end"
          type="date"
          label={intl.formatMessage({ id: 'editing.endDate' })}
          value={endDate}
          onChange={setEndDate}
          error={form.errorFor('meeting-end')}
          required
        />
      </fieldset>
      <SelectField
        id="meeting-zone"
        label={intl.formatMessage({ id: 'editing.timeZone' })}
        hint={<FormattedMessage id="editing.timeZoneHint" />}
        value={timeZone}
        onChange={setTimeZone}
        options={zones.map((z) => ({ value: z, label: z }))}
        error={form.errorFor('meeting-zone')}
      />
      <SelectField
        id="meeting-status"
        label={intl.formatMessage({ id: 'meeting.statusLabel' })}
        hint={<FormattedMessage id="editing.statusHint" />}
        value={status}
        onChange={(v) => setStatus(v as MeetingStatus)}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: `meeting.status.${s}` }) }))}
        error={form.errorFor('meeting-status')}
      />
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="form.save" />
        </button>
      </p>
    </Form>
  );
}
