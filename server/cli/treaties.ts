import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../http/errors.js';
import { exportTreatyActions } from '../modules/treaties/export-actions.js';
import { importTreatyActions } from '../modules/treaties/import-actions.js';
import { importGlotip } from '../modules/statistics/glotip.js';
import { CLI_AUDIT, UsageError, withDatabase } from './context.js';

export const TREATIES_USAGE = `  import treaty-actions FILE.csv
            import signatures, ratifications, accessions, … (columns instrument,state,action,date,source
            [,reservations]); all or nothing: any problem is listed by line and nothing is written
  import glotip FILE.csv
            load a UNODC GLOTIP long-format file as published ("<5" kept as suppressed at source);
            all or nothing; importing the same file again changes nothing
  export treaty-actions [--instrument CODE] [--output FILE.csv]
            write the recorded actions in the same format (to standard output by default)`;

export async function importCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [what, file] = positionals;
  if ((what !== 'treaty-actions' && what !== 'glotip') || !file || positionals.length > 2) {
    throw new UsageError('Use: continental import treaty-actions FILE.csv, or continental import glotip FILE.csv');
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  return withDatabase(async ({ database }) => {
    try {
      const r =
        what === 'glotip'
          ? await importGlotip(database.db, CLI_AUDIT, text)
          : await importTreatyActions(database.db, CLI_AUDIT, text);
      console.log(`Imported ${r.rows} row(s): ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged.`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        const errors = (err.extensions.errors ?? []) as { line?: number; path: string; message: string }[];
        console.error(`${file}: nothing was imported.`);
        for (const e of errors) {
          const column = e.path.split('/')[2];
          console.error(`  line ${e.line ?? '?'}${column ? `, ${column}` : ''}: ${e.message}`);
        }
        if (errors.length === 0) console.error(`  ${err.message}`);
        return 2;
      }
      throw err;
    }
  });
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { instrument: { type: 'string' }, output: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals[0] !== 'treaty-actions' || positionals.length > 1) {
    throw new UsageError('Use: continental export treaty-actions [--instrument CODE] [--output FILE.csv]');
  }
  return withDatabase(async ({ database }) => {
    const csv = await exportTreatyActions(database.db, values.instrument);
    if (values.output) writeFileSync(values.output, csv);
    else process.stdout.write(csv);
    return 0;
  });
}
