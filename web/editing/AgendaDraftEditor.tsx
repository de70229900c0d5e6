import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AgendaDraft } from '../../shared/schemas/editing.js';
import type { Organization } from '../../shared/schemas/reference.js';
import { apiUrl, send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { LongDate, calendarDate } from '../i18n/dates.js';
import { usePageLang } from '../i18n/hooks.js';
import {
  addItem,
  fromDraft,
  itemPointer,
  moveItem,
  moveToBlock,
  removeItem,
  toInput,
  updateItem,
  type EditDraft,
} from './draftModel.js';
import { ItemEditor, type BlockChoice } from './ItemEditor.js';
import { checkText } from './MeetingDetailsForm.js';
import { MultiTextEditor } from './MultiTextEditor.js';
import { emptyText, preview, textPointers } from './multiText.js';

interface Props {
  slug: string;
  initial: AgendaDraft;
  organizations: Organization[];
  onDirty: (dirty: boolean) => void;
}

/** Error pointers of the whole draft, each to the control (or heading) that shows it. */
function pointers(draft: EditDraft): Record<string, string> {
  const out: Record<string, string> = { ...textPointers('/title', 'draft-title', draft.title) };
  if (draft.label) Object.assign(out, textPointers('/label', 'draft-label', draft.label));
  draft.days.forEach((day, d) => {
    out[`/days/${d}`] = `day-${d}`;
    day.blocks.forEach((block, b) => {
      out[`/days/${d}/blocks/${b}`] = `block-${d}-${b}`;
      block.items.forEach((item, index) => {
        const p = itemPointer({ day: d, block: b, index });
        out[p] = `${item.uid}-heading`;
        out[`${p}/number`] = `${item.uid}-number`;
        out[`${p}/kind`] = `${item.uid}-kind`;
        out[`${p}/presenters`] = `${item.uid}-presenters`;
        Object.assign(out, textPointers(`${p}/title`, `${item.uid}-title`, item.title));
        Object.assign(out, textPointers(`${p}/description`, `${item.uid}-description`, item.description));
      });
    });
  });
  return out;
}

export function AgendaDraftEditor({ slug, initial, organizations, onDirty }: Props) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [draft, setDraftState] = useState(() => fromDraft(initial));
  const [announce, setAnnounce] = useState('');
  const [focus, setFocus] = useState<{ id: string; fallback: string } | null>(null);
  // New items open their fields at once.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const langName = (l: string) => intl.formatMessage({ id: `lang.name.${l}` });

  const setDraft = (next: EditDraft) => {
    setDraftState(next);
    onDirty(true);
  };
  // After a move, keep focus on the control used (or the item's heading when that is now disabled).
  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(focus.id);
    if (el && !(el instanceof HTMLButtonElement && el.disabled)) el.focus();
    else document.getElementById(focus.fallback)?.focus();
  }, [focus]);

  const blockName = (d: number, b: number) => {
    const day = draft.days[d];
    const block = day?.blocks[b];
    if (!day || !block) return '';
    const date = intl.formatDate(calendarDate(day.date), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    return intl.formatMessage(
      { id: 'draft.blockName' },
      { date, period: intl.formatMessage({ id: `agenda.period.${block.period}` }) },
    );
  };
  const choices: BlockChoice[] = draft.days.flatMap((day, d) =>
    day.blocks.map((_, b) => ({ value: `${d}:${b}`, label: blockName(d, b) })),
  );

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        checkText(checks, 'draft-title', draft.title, langName(draft.title.original));
        for (const day of draft.days)
          for (const block of day.blocks)
            for (const item of block.items)
              checkText(checks, `${item.uid}-title`, item.title, langName(item.title.original));
        return checks.errors;
      },
      async () => {
        const saved = await send<AgendaDraft>('PUT', apiUrl.agendaDraft(slug), toInput(draft));
        setDraftState(fromDraft(saved));
        onDirty(false);
        form.setDone(intl.formatMessage({ id: 'draft.saved' }));
      },
      (err) => problemErrors(intl, err, pointers(draft)),
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} labelledBy="draft-heading">
      <h2 id="draft-heading">
        <FormattedMessage id="draft.heading" />
      </h2>
      <MultiTextEditor
        id="draft-title"
        legend={<FormattedMessage id="draft.title" />}
        value={draft.title}
        onChange={(title) => setDraft({ ...draft, title })}
        form={form}
      />
      <MultiTextEditor
        id="draft-label"
        legend={<FormattedMessage id="draft.label" />}
        hint={<FormattedMessage id="draft.labelHint" />}
        value={draft.label ?? emptyText(draft.title.original)}
        onChange={(label) => setDraft({ ...draft, label })}
        form={form}
      />
      <p className="hint">
        <FormattedMessage id="draft.numberingHint" />
      </p>
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {draft.days.map((day, d) => (
        <section key={day.date} className="day" aria-labelledby={`day-${d}`}>
          <h3 id={`day-${d}`} tabIndex={-1}>
            <LongDate date={day.date} weekday />
          </h3>
          {day.blocks.map((block, b) => (
            <section key={block.period} className="block" aria-labelledby={`block-${d}-${b}`}>
              <h4 id={`block-${d}-${b}`} tabIndex={-1}>
                <FormattedMessage id={`agenda.period.${block.period}`} />
                {block.theme && <span className="theme"> — {preview(block.theme, lang).text}</span>}
              </h4>
              <ol className="draft-items">
                {block.items.map((item, i) => (
                  <ItemEditor
                    key={item.uid}
                    item={item}
                    first={i === 0}
                    last={i === block.items.length - 1}
                    blocks={choices}
                    here={`${d}:${b}`}
                    organizations={organizations}
                    form={form}
                    startOpen={opened.has(item.uid)}
                    onChange={(patch) => setDraft(updateItem(draft, item.uid, patch))}
                    onMove={(by) => {
                      setDraft(moveItem(draft, item.uid, by));
                      setAnnounce(
                        intl.formatMessage({ id: 'draft.moved' }, { position: i + 1 + by, block: blockName(d, b) }),
                      );
                      setFocus({ id: `${item.uid}-${by < 0 ? 'up' : 'down'}`, fallback: `${item.uid}-heading` });
                    }}
                    onMoveTo={(target) => {
                      const [td = 0, tb = 0] = target.split(':').map(Number);
                      setDraft(moveToBlock(draft, item.uid, td, tb));
                      setAnnounce(intl.formatMessage({ id: 'draft.movedTo' }, { block: blockName(td, tb) }));
                      setFocus({ id: `${item.uid}-heading`, fallback: `${item.uid}-heading` });
                    }}
                    onRemove={() => {
                      setDraft(removeItem(draft, item.uid));
                      setAnnounce(intl.formatMessage({ id: 'draft.removed' }));
                      setFocus({ id: `add-${d}-${b}`, fallback: `block-${d}-${b}` });
                    }}
                  />
                ))}
              </ol>
              <p>
                <button
                  type="button"
                  className="secondary"
                  id={`add-${d}-${b}`}
                  onClick={() => {
                    const [next, uid] = addItem(draft, d, b, lang);
                    setOpened(new Set([...opened, uid]));
                    setDraft(next);
                    setFocus({ id: `${uid}-title-${lang}`, fallback: `${uid}-heading` });
                  }}
                >
                  <FormattedMessage id="draft.add" values={{ block: blockName(d, b) }} />
                </button>
              </p>
            </section>
          ))}
        </section>
      ))}
      <p className="sticky-actions">
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="draft.save" />
        </button>
      </p>
    </Form>
  );
}
