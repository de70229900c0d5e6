import { csvLine } from './csv.js';
import { IMPORT_COLUMNS } from './import-actions.js';
import { listActions, type Db } from './repository.js';

/** The import format, plus reservations: importing the file gives the same data back. */
export async function exportTreatyActions(db: Db, instrument?: string): Promise<string> {
  const rows = await listActions(db, instrument ? { instrument } : {});
  const lines = [
    [...IMPORT_COLUMNS, 'reservations'].join(','),
    ...rows.map((r) => csvLine([r.instrument_code, r.member_state, r.action, r.date, r.source, r.reservations])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
