import { TREATY_ACTIONS, type TreatyActionKind } from '../../../shared/schemas/treaties.js';
import { parsePartialDate, type PartialDate } from './dates.js';
import type { Db } from './repository.js';

export interface ActionFields {
  instrument: string;
  state: string;
  action: string;
  date: string;
  source: string;
  reservations?: string | null;
}

export interface ValidAction extends PartialDate {
  instrument: string;
  state: string;
  action: TreatyActionKind;
  binding: 0 | 1;
  source: string;
  reservations: string | null;
}

export interface ValidationContext {
  /** instrument code → adoption day (null when unknown) */
  instruments: Map<string, string | null>;
  states: Set<string>;
  today: string;
}

export const SOURCE_MAX = 4000;

/**
 * One problem with one field: `reason` is a stable code the UI translates (with `value`,
 * `adopted`, `max` as its parameters); `message` says the same in English for scripts.
 */
export interface FieldIssue {
  field: string;
  reason: string;
  message: string;
  value?: string;
  adopted?: string;
  max?: number;
}

export async function validationContext(db: Db, today: string): Promise<ValidationContext> {
  const instruments = await db.selectFrom('instrument').select(['code', 'adopted_on']).execute();
  const states = await db.selectFrom('member_state').select('iso3').execute();
  return {
    instruments: new Map(instruments.map((i) => [i.code, i.adopted_on])),
    states: new Set(states.map((s) => s.iso3)),
    today,
  };
}

const isAction = (v: string): v is TreatyActionKind => (TREATY_ACTIONS as readonly string[]).includes(v);

/**
 * Checks one action against the reference data: a known instrument and member state, an action
 * of the list, a date that exists, is not in the future and not before the instrument was
 * adopted (a month or year counts when any of its days could be right), and a source.
 * Returns the problems by field, or the action ready to store.
 */
export function validateAction(
  input: ActionFields,
  ctx: ValidationContext,
): { ok: true; value: ValidAction } | { ok: false; errors: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const instrument = input.instrument.trim();
  const state = input.state.trim().toUpperCase();
  const action = input.action.trim().toLowerCase();
  const source = input.source.normalize('NFC').trim();
  const reservations = input.reservations?.normalize('NFC').trim() || null;
  const adopted = ctx.instruments.get(instrument);
  if (adopted === undefined)
    errors.push({
      field: 'instrument',
      reason: 'unknown_instrument',
      value: instrument,
      message: `unknown instrument "${instrument}"`,
    });
  if (!ctx.states.has(state))
    errors.push({ field: 'state', reason: 'unknown_state', value: state, message: `unknown member state "${state}"` });
  if (!isAction(action)) {
    errors.push({
      field: 'action',
      reason: 'unknown_action',
      value: action,
      message: `unknown action "${action}"; use one of ${TREATY_ACTIONS.join(', ')}`,
    });
  }
  const date = parsePartialDate(input.date.trim());
  if (!date) {
    errors.push({
      field: 'date',
      reason: 'bad_date',
      value: input.date,
      message: `"${input.date}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`,
    });
  } else {
    if (date.earliest > ctx.today) {
      errors.push({ field: 'date', reason: 'future_date', value: date.date, message: `${date.date} is in the future` });
    }
    if (adopted && date.latest < adopted) {
      errors.push({
        field: 'date',
        reason: 'before_adoption',
        value: date.date,
        adopted,
        message: `${date.date} is before the instrument was adopted (${adopted})`,
      });
    }
  }
  if (source === '') errors.push({ field: 'source', reason: 'source_required', message: 'a source is required' });
  if (source.length > SOURCE_MAX) {
    errors.push({ field: 'source', reason: 'too_long', max: SOURCE_MAX, message: `at most ${SOURCE_MAX} characters` });
  }
  if (reservations && reservations.length > SOURCE_MAX) {
    errors.push({
      field: 'reservations',
      reason: 'too_long',
      max: SOURCE_MAX,
      message: `at most ${SOURCE_MAX} characters`,
    });
  }
  if (errors.length || !date || !isAction(action)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...date,
      instrument,
      state,
      action,
      binding: action === 'signature' ? 0 : 1,
      source,
      reservations,
    },
  };
}

/** One signature and one act of consent per state and instrument: the key that says which. */
export const actionKey = (a: { instrument: string; state: string; binding: number }) =>
  `${a.instrument}|${a.state}|${a.binding}`;
