import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { send } from '../api.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { Disclosure } from '../components/Disclosure.js';
import { asApiError, problemMessage } from '../forms/problem.js';
import { usePageLang } from '../i18n/hooks.js';
import { ActionForm } from './ActionForm.js';
import { longDateText, partialDateText } from './format.js';
import { PartialDate } from './PartialDate.js';
import { treatyPage, type MemberStateProfile, type TreatyAction } from './types.js';

type ProfileTreaty = MemberStateProfile['treaties'][number];

/** The secretariat's controls for one recorded action: correct it, or delete it after asking. */
function ActionTools({
  treaty,
  action,
  iso3,
  onChanged,
  onDeleted,
}: ToolsProps & { action: TreatyAction; onDeleted: (what: { action: string; date: string }) => void }) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const what = {
    action: intl.formatMessage({ id: `treaties.action.${action.action}` }),
    date: partialDateText(intl, action),
  };
  const remove = async () => {
    setBusy(true);
    try {
      await send(
        'DELETE',
        `/api/treaties/${encodeURIComponent(treaty.instrument.code)}/actions/${encodeURIComponent(action.id)}`,
      );
      onDeleted(what);
      onChanged();
    } catch (err) {
      setFailure(problemMessage(intl, asApiError(err)));
      setBusy(false);
    }
  };
  const editId = `edit-${action.id}`;
  return (
    <div className="action-tools">
      <Disclosure label={<span id={editId}>{intl.formatMessage({ id: 'treatyEdit.edit' }, what)}</span>}>
        <ActionForm
          instrument={treaty.instrument.code}
          iso3={iso3}
          action={action}
          labelledBy={editId}
          onSaved={onChanged}
        />
      </Disclosure>
      <ConfirmButton
        label={intl.formatMessage({ id: 'treatyEdit.delete' }, what)}
        question={intl.formatMessage({ id: 'treatyEdit.deleteQuestion' }, what)}
        confirm={intl.formatMessage({ id: 'treatyEdit.deleteConfirm' })}
        busy={busy}
        onConfirm={remove}
      />
      {failure && (
        <p className="notice" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

interface ToolsProps {
  treaty: ProfileTreaty;
  iso3: string;
  onChanged: () => void;
}

function TreatyArticle({ treaty: t, iso3, editor, onChanged }: ToolsProps & { editor: boolean }) {
  const lang = usePageLang();
  const intl = useIntl();
  const addId = `add-${t.instrument.code}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // The deleted action's controls vanish with it: focus goes to the instrument's heading, and the
  // status line says what happened.
  const onDeleted = (what: { action: string; date: string }) => {
    setDeleted(intl.formatMessage({ id: 'treatyEdit.deleted' }, what));
    heading.current?.focus();
  };
  return (
    <article className="profile-treaty" aria-labelledby={`treaty-${t.instrument.code}`}>
      <h3 id={`treaty-${t.instrument.code}`} ref={heading} tabIndex={-1}>
        <Link to={`${treatyPage.overview(lang)}?instrument=${encodeURIComponent(t.instrument.code)}`}>
          {t.instrument.shortName}
        </Link>{' '}
        <span className={`badge treaty-${t.status}`}>
          <FormattedMessage id={`treaties.status.${t.status}`} />
        </span>
      </h3>
      {t.actions.length === 0 ? (
        <p>
          <FormattedMessage id="countryProfile.noActions" />
        </p>
      ) : (
        <ul className="framework-list">
          {t.actions.map((a) => (
            <li key={a.id}>
              <strong>
                <FormattedMessage id={`treaties.action.${a.action}`} />
              </strong>{' '}
              <PartialDate action={a} />
              {a.precision !== 'day' && (
                <span className="note">
                  {' '}
                  <FormattedMessage id={`treaties.precision.${a.precision}`} />
                </span>
              )}
              {a.reservations && (
                <p>
                  <FormattedMessage id="countryProfile.reservations" /> {a.reservations}
                </p>
              )}
              <p className="note source">
                <FormattedMessage id="countryProfile.source" /> {a.source}
              </p>
              {editor && <ActionTools treaty={t} action={a} iso3={iso3} onChanged={onChanged} onDeleted={onDeleted} />}
            </li>
          ))}
        </ul>
      )}
      {editor && (
        <p role="status" className={deleted ? 'form-done' : 'form-done empty'}>
          {deleted}
        </p>
      )}
      {editor && (
        <Disclosure
          label={
            <span id={addId}>
              {intl.formatMessage({ id: 'treatyEdit.add' }, { instrument: t.instrument.shortName })}
            </span>
          }
        >
          <ActionForm instrument={t.instrument.code} iso3={iso3} labelledBy={addId} onSaved={onChanged} />
        </Disclosure>
      )}
    </article>
  );
}

/** Each instrument with the state's status today and its actions; the secretariat edits them here. */
export function ProfileTreaties({
  profile,
  editor,
  onChanged,
}: {
  profile: MemberStateProfile;
  editor: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  return (
    <section aria-labelledby="profile-treaties">
      <h2 id="profile-treaties">
        <FormattedMessage id="countryProfile.treaties" />
      </h2>
      <p>
        <FormattedMessage id="countryProfile.treatiesIntro" values={{ date: longDateText(intl, profile.asOf) }} />
      </p>
      {profile.treaties.map((t) => (
        <TreatyArticle
          key={t.instrument.code}
          treaty={t}
          iso3={profile.memberState.iso3}
          editor={editor}
          onChanged={onChanged}
        />
      ))}
    </section>
  );
}
