import { describe, expect, it } from 'vitest';
import { TREATY_ACTIONS, type TreatyActionKind } from '../../../shared/schemas/treaties.js';
import { changeDays, statusAsOf, totalsOf } from './as-of.js';
import { parsePartialDate } from './dates.js';

function act(action: TreatyActionKind, date: string) {
  const d = parsePartialDate(date);
  if (!d) throw new Error(`bad test date ${date}`);
  return { action, ...d };
}

describe('dates as precise as their source', () => {
  it('reads a day, a month and a year, with the first and last day each can mean', () => {
    expect(parsePartialDate('2004-05-21')).toEqual({
      date: '2004-05-21',
      precision: 'day',
      earliest: '2004-05-21',
      latest: '2004-05-21',
    });
    expect(parsePartialDate('2004-02')).toMatchObject({
      precision: 'month',
      earliest: '2004-02-01',
      latest: '2004-02-29',
    });
    expect(parsePartialDate('2003-02')).toMatchObject({ latest: '2003-02-28' });
    expect(parsePartialDate('2004')).toMatchObject({ precision: 'year', earliest: '2004-01-01', latest: '2004-12-31' });
  });

  it('refuses days that do not exist and anything else', () => {
    for (const bad of [
      '2003-02-29',
      '2004-13',
      '2004-00',
      '2004-04-31',
      '2004-1-5',
      '04',
      '2004/05/21',
      '',
      '1850',
      'x',
    ]) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate('2004-02-29')).not.toBeNull();
  });
});

describe('status as of a day', () => {
  it('makes a state a party from each act of consent, and a signatory from a signature alone', () => {
    for (const kind of TREATY_ACTIONS.filter((a) => a !== 'signature')) {
      expect(statusAsOf([act(kind, '2004-05-21')], '2004-05-21').status, kind).toBe('party');
      expect(statusAsOf([act(kind, '2004-05-21')], '2004-05-20').status, kind).toBe('none');
    }
    expect(statusAsOf([act('signature', '2000-12-12')], '2000-12-12').status).toBe('signatory');
    expect(statusAsOf([act('signature', '2000-12-12')], '2030-01-01').status).toBe('signatory');
    expect(statusAsOf([act('signature', '2000-12-12')], '2000-12-11').status).toBe('none');
    expect(statusAsOf([], '2010-01-01')).toEqual({ status: 'none', basis: null });
  });

  it('with a day: a party from that day on', () => {
    const r = act('ratification', '2002-11-19');
    expect(statusAsOf([r], '2002-11-18').status).toBe('none');
    expect(statusAsOf([r], '2002-11-19')).toEqual({ status: 'party', basis: r });
  });

  it('with a month: uncertain inside the month, a party once it is over', () => {
    const r = act('accession', '2004-02');
    expect(statusAsOf([r], '2004-01-31').status).toBe('none');
    expect(statusAsOf([r], '2004-02-01').status).toBe('uncertain');
    expect(statusAsOf([r], '2004-02-28').status).toBe('uncertain');
    // Whatever day it was, by the last day of the month the state was a party.
    expect(statusAsOf([r], '2004-02-29').status).toBe('party');
    expect(statusAsOf([r], '2004-03-01').status).toBe('party');
  });

  it('with a year: uncertain inside the year, certain after it', () => {
    const r = act('consent', '2004');
    expect(statusAsOf([r], '2003-12-31').status).toBe('none');
    expect(statusAsOf([r], '2004-01-01')).toEqual({ status: 'uncertain', basis: r });
    expect(statusAsOf([r], '2004-07-15').status).toBe('uncertain');
    expect(statusAsOf([r], '2004-12-30').status).toBe('uncertain');
    expect(statusAsOf([r], '2004-12-31').status).toBe('party');
    expect(statusAsOf([r], '2005-04-06').status).toBe('party');
  });

  it('a state that signed, then ratified: none, signatory, then party', () => {
    const s = act('signature', '2000-12-12');
    const r = act('ratification', '2002-11-19');
    expect(statusAsOf([r, s], '2000-12-11').status).toBe('none');
    expect(statusAsOf([r, s], '2001-06-01')).toEqual({ status: 'signatory', basis: s });
    expect(statusAsOf([r, s], '2002-11-19')).toEqual({ status: 'party', basis: r });
  });

  it('signed with a day and consented with a year: a signatory before that year, uncertain in it', () => {
    const s = act('signature', '2000-12-12');
    const c = act('consent', '2008');
    expect(statusAsOf([s, c], '2007-12-31').status).toBe('signatory');
    expect(statusAsOf([s, c], '2008-03-06')).toEqual({ status: 'uncertain', basis: c });
    expect(statusAsOf([s, c], '2009-01-01').status).toBe('party');
  });

  it('signature and ratification on the same day: a party that day', () => {
    const s = act('signature', '2004-05-21');
    const r = act('ratification', '2004-05-21');
    expect(statusAsOf([s, r], '2004-05-20').status).toBe('none');
    expect(statusAsOf([s, r], '2004-05-21')).toEqual({ status: 'party', basis: r });
  });

  it('a signature known only by its year is uncertain inside that year', () => {
    expect(statusAsOf([act('signature', '2001')], '2001-06-01').status).toBe('uncertain');
    expect(statusAsOf([act('signature', '2001')], '2002-01-01').status).toBe('signatory');
  });

  it('totals count the rows, so the parts add up to the whole', () => {
    const rows = [
      statusAsOf([act('ratification', '2002-11-19')], '2005-04-06'),
      statusAsOf([act('consent', '2005')], '2005-04-06'),
      statusAsOf([act('signature', '2000-12-12')], '2005-04-06'),
      statusAsOf([], '2005-04-06'),
      statusAsOf([], '2005-04-06'),
    ];
    const totals = totalsOf(rows);
    expect(totals).toEqual({ party: 1, uncertain: 1, signatory: 1, none: 2, total: 5 });
    expect(totals.party + totals.uncertain + totals.signatory + totals.none).toBe(totals.total);
  });

  it('lists the days a status can change: first days, and the last day of imprecise dates', () => {
    expect(changeDays([act('consent', '2004'), act('signature', '2000-12-12'), act('accession', '2003-09')])).toEqual([
      '2000-12-12',
      '2003-09-01',
      '2003-09-30',
      '2004-01-01',
      '2004-12-31',
    ]);
  });
});
