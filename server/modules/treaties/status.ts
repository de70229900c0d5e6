import type { Lang } from '../../../shared/lang.js';
import type { TreatyStatusReport, TreatyTimeline } from '../../../shared/schemas/treaties.js';
import { AppError } from '../../http/errors.js';
import { changeDays, statusAsOf, totalsOf } from './as-of.js';
import { isDay } from './dates.js';
import {
  listActions,
  memberStateNames,
  presentAction,
  presentInstrument,
  type Db,
  type InstrumentRow,
} from './repository.js';

/**
 * A day the status can be asked for: a real day, not after today and not before the instrument
 * was adopted (nothing about a treaty can be true before it exists).
 */
export function checkAsOf(instrument: InstrumentRow, asOf: string, today: string): void {
  const refuse = (message: string) => {
    throw new AppError('validation_failed', `querystring/asOf: ${message}`, {
      errors: [{ path: 'querystring/asOf', message }],
    });
  };
  if (!isDay(asOf)) refuse(`${asOf} is not a day of the calendar`);
  if (asOf > today) refuse(`${asOf} is in the future`);
  if (instrument.adopted_on && asOf < instrument.adopted_on) {
    refuse(`${asOf} is before the instrument was adopted (${instrument.adopted_on})`);
  }
}

/** Every member state's status on one instrument as of a day, with the totals of those rows. */
export async function treatyStatus(
  db: Db,
  instrument: InstrumentRow,
  asOf: string,
  lang: Lang,
): Promise<TreatyStatusReport> {
  const actions = (await listActions(db, { instrument: instrument.code })).map(presentAction);
  const states = await memberStateNames(db, lang);
  const items = states.map((state) => {
    const own = actions.filter((a) => a.state === state.iso3);
    const { status, basis } = statusAsOf(own, asOf);
    const signature = own.find((a) => a.action === 'signature' && a.earliest <= asOf) ?? null;
    return { state, status, basis, signature };
  });
  return {
    instrument: presentInstrument(instrument, lang, actions.length),
    asOf,
    totals: totalsOf(items),
    items,
  };
}

/** The number of member states per status from each day a status could change until today. */
export async function treatyTimeline(db: Db, instrument: InstrumentRow, today: string): Promise<TreatyTimeline> {
  const actions = (await listActions(db, { instrument: instrument.code })).map(presentAction);
  const states = await db.selectFrom('member_state').select('iso3').execute();
  const byState = new Map(states.map((s) => [s.iso3, actions.filter((a) => a.state === s.iso3)]));
  const days = changeDays(actions).filter((d) => d <= today);
  const start =
    instrument.adopted_on && (days[0] === undefined || instrument.adopted_on < days[0]) ? [instrument.adopted_on] : [];
  const points = [...start, ...days, today]
    .filter((d, i, all) => all.indexOf(d) === i)
    .map((date) => {
      const totals = totalsOf([...byState.values()].map((own) => statusAsOf(own, date)));
      return { date, party: totals.party, uncertain: totals.uncertain, signatory: totals.signatory };
    });
  return { instrument: instrument.code, points };
}
