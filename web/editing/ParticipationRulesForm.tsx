import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CategoryRule, ParticipationRules, Registrar } from '../../shared/schemas/participation.js';
import { REGISTRARS } from '../../shared/schemas/participation.js';
import { instantToZoned, zonedToInstant } from '../../shared/zoned-time.js';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { Checkbox, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { asApiError, problemErrors, type FormError } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import { usePageLang } from '../i18n/hooks.js';
import { useApi } from '../useApi.js';
import { InlineError } from '../components/InlineError.js';
import { Loading } from '../components/Status.js';

const rulesUrl = (slug: string) => `/api/meetings/${encodeURIComponent(slug)}/participation-rules`;

/** A limit as typed: blank is "no limit". */
const limitText = (n: number | null) => (n === null ? '' : String(n));
const parseLimit = (text: string): number | null | 'invalid' => {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : 'invalid';
};

interface Props {
  slug: string;
  timeZone: string;
}

/**
 * The participation rules of a meeting: registration window (typed in the meeting's time zone,
 * stored as instants), the per-state total, and each category's registrars and limit.
 */
export function ParticipationRulesSection({ slug, timeZone }: Props) {
  const state = useApi<ParticipationRules>(rulesUrl(slug));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <InlineError error={state.error} retry={state.retry} />;
  return <RulesForm slug={slug} timeZone={timeZone} rules={state.data} onSaved={state.reload} />;
}

function RulesForm({ slug, timeZone, rules, onSaved }: Props & { rules: ParticipationRules; onSaved: () => void }) {
  const intl = useIntl();
  const lang = usePageLang();
  const form = useForm();
  const [opens, setOpens] = useState(
    rules.registrationOpensAt ? instantToZoned(rules.registrationOpensAt, timeZone) : '',
  );
  const [closes, setCloses] = useState(
    rules.registrationClosesAt ? instantToZoned(rules.registrationClosesAt, timeZone) : '',
  );
  const [total, setTotal] = useState(limitText(rules.perStateTotal));
  const [requiresId, setRequiresId] = useState(rules.requiresIdDocument);
  const [retention, setRetention] = useState(String(rules.retentionDays));
  const [categories, setCategories] = useState<CategoryRule[]>(rules.categories);
  const [limits, setLimits] = useState<string[]>(rules.categories.map((c) => limitText(c.limit)));

  const category = (code: string) => intl.formatMessage({ id: `participation.category.${code}` });
  const toggleRegistrar = (i: number, r: Registrar, on: boolean) =>
    setCategories((list) =>
      list.map((c, j) =>
        j === i ? { ...c, registrars: on ? [...c.registrars, r] : c.registrars.filter((x) => x !== r) } : c,
      ),
    );

  const onSubmit = () =>
    form.submit(
      () => {
        const checks = new Checks(intl);
        if (opens && !zonedToInstant(opens, timeZone)) checks.add('rules-opens', 'rules.error.dateTime');
        if (closes && !zonedToInstant(closes, timeZone)) checks.add('rules-closes', 'rules.error.dateTime');
        if (opens && closes && closes <= opens) checks.add('rules-closes', 'rules.error.closesAfterOpens');
        if (parseLimit(total) === 'invalid') checks.add('rules-total', 'rules.error.limit');
        if (!/^\d{1,4}$/.test(retention.trim())) checks.add('rules-retention', 'rules.error.limit');
        limits.forEach((l, i) => {
          if (parseLimit(l) === 'invalid') checks.add(`rules-limit-${i}`, 'rules.error.limit');
        });
        categories.forEach((c, i) => {
          if (c.registrars.length === 0) checks.add(`rules-registrars-${i}-${REGISTRARS[0]}`, 'rules.error.registrars');
        });
        return checks.errors;
      },
      async () => {
        const body: ParticipationRules = {
          ...rules,
          registrationOpensAt: opens ? zonedToInstant(opens, timeZone) : null,
          registrationClosesAt: closes ? zonedToInstant(closes, timeZone) : null,
          perStateTotal: parseLimit(total) as number | null,
          requiresIdDocument: requiresId,
          retentionDays: Number(retention.trim()),
          categories: categories.map((c, i) => ({ ...c, limit: parseLimit(limits[i] ?? '') as number | null })),
        };
        await send('PUT', `${rulesUrl(slug)}?lang=${lang}`, body);
        form.setDone(intl.formatMessage({ id: 'editing.saved' }));
        onSaved();
      },
      (err): FormError[] => {
        const api = asApiError(err);
        if (api.code === 'conflict' && api.errors.length > 0) {
          return api.errors.map((e) => ({ field: 'rules-total', message: e.message }));
        }
        return problemErrors(intl, err, {
          '/registrationOpensAt': 'rules-opens',
          '/registrationClosesAt': 'rules-closes',
          '/perStateTotal': 'rules-total',
          '/retentionDays': 'rules-retention',
        });
      },
    );

  return (
    <Form form={form} onSubmit={() => void onSubmit()} labelledBy="participation-rules">
      <fieldset>
        <legend>
          <FormattedMessage id="rules.window" />
        </legend>
        <p className="hint">
          <FormattedMessage id="rules.windowHint" values={{ zone: timeZone }} />
        </p>
        <TextField
          id="rules-opens"
          type="datetime-local"
          label={intl.formatMessage({ id: 'rules.opens' })}
          value={opens}
          onChange={setOpens}
          error={form.errorFor('rules-opens')}
        />
        <TextField
          id="rules-closes"
          type="datetime-local"
          label={intl.formatMessage({ id: 'rules.closes' })}
          value={closes}
          onChange={setCloses}
          error={form.errorFor('rules-closes')}
        />
      </fieldset>
      <TextField
        id="rules-total"
        inputMode="numeric"
        label={intl.formatMessage({ id: 'rules.perStateTotal' })}
        hint={<FormattedMessage id="rules.limitHint" />}
        value={total}
        onChange={setTotal}
        error={form.errorFor('rules-total')}
      />
      <Checkbox
        id="rules-id-document"
        label={<FormattedMessage id="rules.requiresIdDocument" />}
        checked={requiresId}
        onChange={setRequiresId}
      />
      <TextField
        id="rules-retention"
        inputMode="numeric"
        label={intl.formatMessage({ id: 'rules.retentionDays' })}
        hint={<FormattedMessage id="rules.retentionHint" />}
        value={retention}
        onChange={setRetention}
        error={form.errorFor('rules-retention')}
      />
      {categories.map((c, i) => (
        <fieldset key={c.code}>
          <legend>{category(c.code)}</legend>
          <TextField
            id={`rules-limit-${i}`}
            inputMode="numeric"
            label={intl.formatMessage(
              { id: 'rules.limit' },
              { scope: c.limitScope === 'meeting' || c.delegation === 'none' ? 'meeting' : c.delegation },
            )}
            hint={<FormattedMessage id="rules.limitHint" />}
            value={limits[i] ?? ''}
            onChange={(v) => setLimits((l) => l.map((x, j) => (j === i ? v : x)))}
            error={form.errorFor(`rules-limit-${i}`)}
          />
          <fieldset>
            <legend>
              <FormattedMessage id="rules.registrars" />
            </legend>
            {REGISTRARS.map((r) => (
              <Checkbox
                key={r}
                id={`rules-registrars-${i}-${r}`}
                label={<FormattedMessage id={`rules.registrar.${r}`} />}
                checked={c.registrars.includes(r)}
                onChange={(on) => toggleRegistrar(i, r, on)}
                error={r === REGISTRARS[0] ? form.errorFor(`rules-registrars-${i}-${r}`) : undefined}
              />
            ))}
          </fieldset>
        </fieldset>
      ))}
      <p>
        <button type="submit" disabled={form.busy}>
          <FormattedMessage id="form.save" />
        </button>
      </p>
    </Form>
  );
}
