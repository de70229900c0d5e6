import { Readable } from 'node:stream';
import type { DataPoint } from '../../../shared/schemas/statistics.js';
import { DATA_CSV_HEADER, dataCsvRow } from './publish.js';

type CsvLine = (values: (string | null)[]) => string;

/**
 * The download body, written batch by batch as the batches are read, so a download of every
 * published figure never holds more than one batch in memory. JSON is `{"data": [...],
 * "minCell": k}` like the API's answer; CSV has a header line and CRLF line ends.
 */
export function dataExport(
  format: 'csv' | 'json',
  batches: AsyncIterable<DataPoint[]>,
  k: number,
  line: CsvLine,
): Readable {
  async function* csv() {
    yield `${line(DATA_CSV_HEADER)}\r\n`;
    for await (const batch of batches) yield batch.map((p) => `${line(dataCsvRow(p))}\r\n`).join('');
  }
  async function* json() {
    yield '{"data":[';
    let first = true;
    for await (const batch of batches) {
      const items = batch.map((p) => JSON.stringify(p)).join(',');
      yield first ? items : `,${items}`;
      first = false;
    }
    yield `],"minCell":${k}}`;
  }
  return Readable.from(format === 'csv' ? csv() : json(), { objectMode: false });
}
