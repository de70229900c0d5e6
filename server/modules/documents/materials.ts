import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { localize } from '../../../shared/text.js';
import { parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';

export interface Material {
  symbol: string | null;
  title: string;
}

/**
 * The documents attached to each agenda item that anyone may read (issued, public; superseded
 * ones stay listed, as they were distributed), by item key, ordered by symbol: what the agenda
 * PDF prints under each item.
 */
export async function publicMaterials(db: Kysely<DB>, meetingId: string, lang: Lang): Promise<Map<string, Material[]>> {
  const rows = await db
    .selectFrom('document')
    .select(['agenda_item_key', 'symbol', 'title'])
    .where('meeting_id', '=', meetingId)
    .where('agenda_item_key', 'is not', null)
    .where('status', 'in', ['issued', 'superseded'])
    .where('distribution', '=', 'public')
    .execute();
  const out = new Map<string, Material[]>();
  const collator = new Intl.Collator(lang, { numeric: true });
  for (const row of rows) {
    const key = row.agenda_item_key as string;
    const list = out.get(key) ?? [];
    list.push({ symbol: row.symbol, title: localize(parseText(row.title, 'document.title'), lang).text });
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => collator.compare(a.symbol ?? '', b.symbol ?? ''));
  return out;
}
