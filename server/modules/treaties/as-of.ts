import type { StatusTotals, TreatyActionKind, TreatyStatus } from '../../../shared/schemas/treaties.js';

/** The fields of an action the as-of rule reads. */
export interface DatedAction {
  action: TreatyActionKind;
  earliest: string;
  latest: string;
}

export interface AsOfResult<A extends DatedAction> {
  status: TreatyStatus;
  /** The action that gives the status (null for `none`). */
  basis: A | null;
}

const binds = (a: DatedAction) => a.action !== 'signature';

/**
 * One state's status as of a day (YYYY-MM-DD), from its actions on one instrument.
 *
 * - party: an act of consent (ratification, accession, acceptance, approval, succession or
 *   consent) dated on or before the day; with a month or year only, the whole period must be
 *   over by that day (the state was a party by the end of it, at the latest);
 * - uncertain: the only date of its act of consent is a month or year that contains the day
 *   and has not ended by it: on that day it may or may not have been a party yet. A signature
 *   known only by month or year is uncertain in the same way (signatory or not yet);
 * - signatory: a signature on or before the day, no act of consent yet;
 * - none: nothing yet.
 * Actions dated after the day do not count. Days compare as ISO text.
 */
export function statusAsOf<A extends DatedAction>(actions: readonly A[], day: string): AsOfResult<A> {
  const consent = actions.filter(binds).sort((a, b) => a.earliest.localeCompare(b.earliest))[0];
  if (consent && consent.latest <= day) return { status: 'party', basis: consent };
  if (consent && consent.earliest <= day) return { status: 'uncertain', basis: consent };
  const signature = actions.filter((a) => !binds(a)).sort((a, b) => a.earliest.localeCompare(b.earliest))[0];
  if (signature && signature.latest <= day) return { status: 'signatory', basis: signature };
  if (signature && signature.earliest <= day) return { status: 'uncertain', basis: signature };
  return { status: 'none', basis: null };
}

/** Counts per status; `total` is the number of rows, so the parts always add up to it. */
export function totalsOf(rows: readonly { status: TreatyStatus }[]): StatusTotals {
  const totals: StatusTotals = { party: 0, signatory: 0, none: 0, uncertain: 0, total: rows.length };
  for (const r of rows) totals[r.status] += 1;
  return totals;
}

/**
 * The days on which some state's status can change: each action's first day, and the day after
 * its last (when an imprecise date stops being uncertain). Status is constant between them.
 */
export function changeDays(actions: readonly DatedAction[]): string[] {
  const days = new Set<string>();
  for (const a of actions) {
    days.add(a.earliest);
    if (a.latest !== a.earliest) days.add(a.latest);
  }
  return [...days].sort();
}
