import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test/database.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/continental.mjs', import.meta.url));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

function cli(...args: string[]) {
  const env = { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.url ?? '' };
  return run(process.execPath, [BIN, ...args], { env });
}

describe('the continental command', () => {
  it('migrates, then says the database is up to date', async () => {
    const { stdout } = await cli('migrate');
    expect(stdout).toMatch(/up to date|Success/);
  });

  it('seeds reference data and the demo meeting, and is safe to run twice', async () => {
    const first = await cli('seed');
    expect(first.stdout).toContain('35 member states');
    expect(first.stdout).toContain('oas-iom-tip-2005');
    const second = await cli('seed');
    expect(second.stdout).toContain('meetings already present');
    const meetings = await database.db.selectFrom('meeting').select('slug').execute();
    expect(meetings.map((m) => m.slug)).toEqual(['oas-iom-tip-2005']);
  });

  it('explains itself on an unknown command and exits non-zero', async () => {
    await expect(cli('frobnicate')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command'),
    });
    const help = await cli('help');
    expect(help.stdout).toContain('Usage: continental');
  });
});
