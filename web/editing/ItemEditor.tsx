import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS } from '../../shared/lang.js';
import type { Organization } from '../../shared/schemas/reference.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { Disclosure } from '../components/Disclosure.js';
import { useReveal } from '../forms/formContext.js';
import type { FormState } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import type { EditItem } from './draftModel.js';
import { ItemFields } from './ItemFields.js';
import { preview } from './multiText.js';

export interface BlockChoice {
  value: string;
  label: string;
}

interface Props {
  item: EditItem;
  first: boolean;
  last: boolean;
  /** Other blocks this item may move to ("day:block"), and this block's value. */
  blocks: BlockChoice[];
  here: string;
  organizations: Organization[];
  form: FormState;
  onChange: (patch: Partial<EditItem>) => void;
  onMove: (by: -1 | 1) => void;
  onMoveTo: (target: string) => void;
  onRemove: () => void;
  startOpen: boolean;
}

/** One item of the draft: its summary, its fields behind "Edit", and the moves. */
export function ItemEditor(props: Props) {
  const { item, first, last, blocks, here, organizations, form } = props;
  const intl = useIntl();
  const lang = usePageLang();
  const [open, setOpen] = useState(props.startOpen);
  const [chosen, setTarget] = useState<string | null>(null);
  const others = blocks.filter((b) => b.value !== here);
  // After a move the old choice may be this very block: fall back to the first other one.
  const target = others.some((b) => b.value === chosen) ? (chosen ?? '') : (others[0]?.value ?? '');
  const { uid } = item;
  const shown = preview(item.title, lang);
  const title = shown.text.trim() || intl.formatMessage({ id: 'draft.untitled' });

  // Every control of the fields, so the error summary can open this panel to reach one.
  const ids = [
    `${uid}-number`,
    `${uid}-kind`,
    `${uid}-presenters`,
    ...['title', 'description'].flatMap((f) => [
      `${uid}-${f}-original`,
      ...LANGS.flatMap((l) => [`${uid}-${f}-${l}`, `${uid}-${f}-${l}-official`]),
    ]),
  ];
  useReveal(
    ids,
    useCallback(() => setOpen(true), []),
  );

  const named = (id: string) => <FormattedMessage id={id} values={{ number: item.number, title }} />;
  return (
    <li className="draft-item">
      <h5 id={`${uid}-heading`} tabIndex={-1}>
        {item.number}. <span lang={shown.lang === lang ? undefined : shown.lang}>{title}</span>
      </h5>
      <p className="item-meta">
        <span className="kind">
          <FormattedMessage id={`agenda.kind.${item.kind}`} />
        </span>
      </p>
      <Disclosure open={open} onToggle={setOpen} label={named('draft.edit')}>
        <ItemFields item={item} onChange={props.onChange} organizations={organizations} form={form} />
      </Disclosure>
      <div
        className="item-actions"
        role="group"
        aria-label={intl.formatMessage({ id: 'draft.actions' }, { number: item.number, title })}
      >
        <button type="button" className="secondary" id={`${uid}-up`} disabled={first} onClick={() => props.onMove(-1)}>
          <FormattedMessage id="draft.up" />
        </button>
        <button type="button" className="secondary" id={`${uid}-down`} disabled={last} onClick={() => props.onMove(1)}>
          <FormattedMessage id="draft.down" />
        </button>
        {blocks.length > 1 && (
          <span className="move-to">
            <label htmlFor={`${uid}-target`}>
              <FormattedMessage id="draft.moveTo" />
            </label>{' '}
            <select id={`${uid}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
            </select>{' '}
            <button type="button" className="secondary" onClick={() => props.onMoveTo(target)}>
              <FormattedMessage id="draft.move" />
            </button>
          </span>
        )}
        <ConfirmButton
          label={<FormattedMessage id="draft.remove" />}
          question={named('draft.removeQuestion')}
          confirm={<FormattedMessage id="draft.removeConfirm" />}
          onConfirm={props.onRemove}
        />
      </div>
    </li>
  );
}
