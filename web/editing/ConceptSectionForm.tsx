import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ConceptSectionSource, MultiTextInput } from '../../shared/schemas/editing.js';
import { apiUrl, send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { checkText } from './MeetingDetailsForm.js';
import { MultiTextEditor } from './MultiTextEditor.js';
import { cleanText, emptyText, preview, textPointers } from './multiText.js';

interface Props {
  slug: string;
  section: ConceptSectionSource;
  onSaved: () => void;
}

/** One concept-note section: heading, body and footnotes, each in four languages. */
export function ConceptSectionForm({ slug, section, onSaved }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [heading, setHeading] = useState(section.heading);
  const [body, setBody] = useState(section.body);
  // Each note keeps its React identity (and open tab) when an earlier one is removed.
  const nextUid = useRef(section.notes.length);
  const [noteRows, setNoteRows] = useState(() => section.notes.map((value, uid) => ({ uid, value })));
  const notes: MultiTextInput[] = noteRows.map((r) => r.value);
  const addRef = useRef<HTMLButtonElement>(null);
  const base = `section-${section.kind}`;
  const headingId = `${base}-title`;
  const langName = (l: string) => intl.formatMessage({ id: `lang.name.${l}` });
  const shown = preview(section.heading, lang);

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checkText(checks, `${base}-heading`, heading, langName(heading.original));
        checkText(checks, `${base}-body`, body, langName(body.original));
        notes.forEach((n, i) => checkText(checks, `${base}-note-${i}`, n, langName(n.original)));
        return checks.errors;
      },
      async () => {
        await send('PUT', apiUrl.conceptSection(slug, section.kind), {
          heading: cleanText(heading),
          body: cleanText(body),
          notes: notes.map(cleanText),
        });
        form.setDone(intl.formatMessage({ id: 'editing.saved' }));
        onSaved();
      },
      (err) =>
        problemErrors(intl, err, {
          ...textPointers('/heading', `${base}-heading`, heading),
          ...textPointers('/body', `${base}-body`, body),
          ...Object.assign({}, ...notes.map((n, i) => textPointers(`/notes/${i}`, `${base}-note-${i}`, n))),
        }),
    );

  return (
    <section className="edit-section" aria-labelledby={headingId}>
      <h3 id={headingId} lang={shown.lang === lang ? undefined : shown.lang}>
        {shown.text}
      </h3>
      <Form form={form} onSubmit={() => void onSubmit()} labelledBy={headingId}>
        <MultiTextEditor
          id={`${base}-heading`}
          legend={<FormattedMessage id="editing.heading" />}
          value={heading}
          onChange={setHeading}
          form={form}
        />
        <MultiTextEditor
          id={`${base}-body`}
          legend={<FormattedMessage id="editing.body" />}
          hint={<FormattedMessage id="editing.bodyHint" />}
          value={body}
          onChange={setBody}
          form={form}
          multiline
          rows={12}
        />
        <fieldset>
          <legend>
            <FormattedMessage id="meeting.notes" />
          </legend>
          {noteRows.map(({ uid, value: note }, i) => (
            <div key={uid} className="note-editor">
              <MultiTextEditor
                id={`${base}-note-${i}`}
                legend={<FormattedMessage id="editing.note" values={{ number: i + 1 }} />}
                value={note}
                onChange={(v) => setNoteRows(noteRows.map((r) => (r.uid === uid ? { uid, value: v } : r)))}
                form={form}
                multiline
                rows={2}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setNoteRows(noteRows.filter((r) => r.uid !== uid));
                  addRef.current?.focus();
                }}
              >
                <FormattedMessage id="editing.removeNote" values={{ number: i + 1 }} />
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="secondary"
              ref={addRef}
              onClick={() => setNoteRows([...noteRows, { uid: nextUid.current++, value: emptyText(body.original) }])}
            >
              <FormattedMessage id="editing.addNote" />
            </button>
          </p>
        </fieldset>
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="editing.saveSection" values={{ section: shown.text }} />
          </button>
        </p>
      </Form>
    </section>
  );
}
