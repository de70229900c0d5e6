import type { Lang } from '../../../shared/lang.js';
import type { MemberStateProfile, TreatyStatus } from '../../../shared/schemas/treaties.js';
import { AppError } from '../../http/errors.js';
import { delegationsOfState, type DelegationAudience } from '../participation/delegations-of-state.js';
import { presentMemberState } from '../reference/repository.js';
import { practicesOfState } from '../practices/practices-of-state.js';
import { statusAsOf } from './as-of.js';
import { nationalFramework } from './framework.js';
import { instrumentNames, listActions, orderedInstruments, presentAction, type Db } from './repository.js';

/**
 * A member state's profile: every instrument with its status today and the actions with their
 * sources, its reviewed national framework, and its delegations to meetings as `audience` may see
 * them, and the newest of its published practices.
 */
export async function memberStateProfile(
  db: Db,
  iso3: string,
  lang: Lang,
  today: string,
  withContacts: boolean,
  audience: DelegationAudience,
): Promise<MemberStateProfile> {
  const state = await db.selectFrom('member_state').selectAll().where('iso3', '=', iso3).executeTakeFirst();
  if (!state) throw new AppError('not_found', `No member state "${iso3}".`);
  const instruments = await orderedInstruments(db);
  const actions = (await listActions(db, { state: iso3 })).map(presentAction);
  const practices = await practicesOfState(db, iso3, lang);
  return {
    memberState: presentMemberState(state, lang),
    asOf: today,
    treaties: instruments.map((row) => {
      const { name, shortName } = instrumentNames(row);
      const own = actions.filter((a) => a.instrument === row.code);
      const status: TreatyStatus = statusAsOf(own, today).status;
      return {
        instrument: { code: row.code, name: name[lang] || name.en, shortName: shortName[lang] || shortName.en },
        status,
        actions: own,
      };
    }),
    nationalFramework: await nationalFramework(db, iso3, withContacts),
    delegations: await delegationsOfState(db, iso3, lang, audience),
    practices: practices.practices,
    practiceCount: practices.total,
  };
}
