import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGS, type Lang } from '../../shared/lang.js';
import { INSTRUMENT_CODE_PATTERN } from '../../shared/schemas/treaties.js';
import { send } from '../api.js';
import { Checks } from '../forms/checks.js';
import { TextArea, TextField } from '../forms/Field.js';
import { Form } from '../forms/Form.js';
import { problemErrors } from '../forms/problem.js';
import { useForm } from '../forms/useForm.js';
import type { Instrument } from './types.js';

type Names = Record<Lang, string>;
const EMPTY: Names = { en: '', es: '', fr: '', pt: '' };
const CODE = new RegExp(INSTRUMENT_CODE_PATTERN);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The secretariat adds an instrument to follow: a code, its names in the four languages, its dates. */
export function InstrumentForm({ onAdded }: { onAdded: (code: string) => void }) {
  const intl = useIntl();
  const form = useForm();
  const [code, setCode] = useState('');
  const [name, setName] = useState<Names>(EMPTY);
  const [shortName, setShortName] = useState<Names>(EMPTY);
  const [adoptedOn, setAdoptedOn] = useState('');
  const [inForceOn, setInForceOn] = useState('');
  const [reference, setReference] = useState('');
  const label = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const language = (l: Lang) => label(`lang.name.${l}`);
  const fields: Record<string, string> = {
    '/code': 'instrument-code',
    '/adoptedOn': 'instrument-adopted',
    '/inForceOn': 'instrument-in-force',
    '/reference': 'instrument-reference',
  };
  for (const l of LANGS) {
    fields[`/name/${l}`] = `instrument-name-${l}`;
    fields[`/shortName/${l}`] = `instrument-short-${l}`;
  }

  const onSubmit = () =>
    void form.submit(
      () => {
        const checks = new Checks(intl);
        if (!CODE.test(code.trim())) checks.add('instrument-code', 'instrumentForm.error.code');
        for (const l of LANGS) {
          checks.required(`instrument-name-${l}`, name[l], label('instrumentForm.name', { language: language(l) }));
          checks.required(
            `instrument-short-${l}`,
            shortName[l],
            label('instrumentForm.shortName', { language: language(l) }),
          );
        }
        if (adoptedOn && !DAY.test(adoptedOn)) checks.add('instrument-adopted', 'instrumentForm.error.day');
        if (inForceOn && !DAY.test(inForceOn)) checks.add('instrument-in-force', 'instrumentForm.error.day');
        return checks.errors;
      },
      async () => {
        const trim = (n: Names) => Object.fromEntries(LANGS.map((l) => [l, n[l].trim()]));
        const added = await send<Instrument>('POST', '/api/treaties', {
          code: code.trim(),
          name: trim(name),
          shortName: trim(shortName),
          adoptedOn: adoptedOn || null,
          inForceOn: inForceOn || null,
          reference: reference.trim() || null,
        });
        setCode('');
        setName(EMPTY);
        setShortName(EMPTY);
        setAdoptedOn('');
        setInForceOn('');
        setReference('');
        form.setDone(label('instrumentForm.added', { name: added.shortName }));
        onAdded(added.code);
      },
      (err) => problemErrors(intl, err, fields),
    );

  return (
    <section aria-labelledby="instrument-form">
      <h2 id="instrument-form">
        <FormattedMessage id="instrumentForm.title" />
      </h2>
      <Form form={form} onSubmit={onSubmit} labelledBy="instrument-form">
        <TextField
          id="instrument-code"
          label={label('instrumentForm.code')}
          hint={label('instrumentForm.codeHint')}
          required
          value={code}
          onChange={setCode}
          autoComplete="off"
          error={form.errorFor('instrument-code')}
        />
        {LANGS.map((l) => (
          <fieldset key={l} className="instrument-names">
            <legend>{language(l)}</legend>
            <TextField
              id={`instrument-name-${l}`}
              label={label('instrumentForm.name', { language: language(l) })}
              required
              lang={l}
              value={name[l]}
              onChange={(v) => setName((n) => ({ ...n, [l]: v }))}
              error={form.errorFor(`instrument-name-${l}`)}
            />
            <TextField
              id={`instrument-short-${l}`}
              label={label('instrumentForm.shortName', { language: language(l) })}
              required
              lang={l}
              value={shortName[l]}
              onChange={(v) => setShortName((n) => ({ ...n, [l]: v }))}
              error={form.errorFor(`instrument-short-${l}`)}
            />
          </fieldset>
        ))}
        <TextField
          id="instrument-adopted"
          type="date"
          label={label('instrumentForm.adoptedOn')}
          value={adoptedOn}
          onChange={setAdoptedOn}
          error={form.errorFor('instrument-adopted')}
        />
        <TextField
          id="instrument-in-force"
          type="date"
          label={label('instrumentForm.inForceOn')}
          value={inForceOn}
          onChange={setInForceOn}
          error={form.errorFor('instrument-in-force')}
        />
        <TextArea
          id="instrument-reference"
          label={label('instrumentForm.reference')}
          rows={2}
          value={reference}
          onChange={setReference}
          error={form.errorFor('instrument-reference')}
        />
        <p>
          <button type="submit" disabled={form.busy}>
            <FormattedMessage id="instrumentForm.submit" />
          </button>
        </p>
      </Form>
    </section>
  );
}
