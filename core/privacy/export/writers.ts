// One table written twice as it streams: JSON Lines (every tool reads it; nested values stay nested) and Parquet
// through hyparquet-writer (pure JS, MIT, maintained, no native build: it runs wherever Pnyx runs), in row groups, so
// a million votes never sit in memory at once. Nested values (conversations, categories) are JSON text in Parquet.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';

export type ColumnType = 'STRING' | 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'TIMESTAMP' | 'JSON';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
}

export type Row = Record<string, unknown>;

/** A JSON value already serialised: a battle's conversations repeat on each of its votes, and are serialised once. */
export class RawJson {
  constructor(
    readonly value: unknown,
    readonly text: string = JSON.stringify(value),
  ) {}
}

export interface TableWriter {
  write(row: Row): Promise<void>;
  close(): Promise<void>;
  readonly rows: number;
}

/** Parquet's physical type for our column types; JSON columns are UTF-8 text holding JSON. */
const PARQUET_TYPE = { STRING: 'STRING', BOOLEAN: 'BOOLEAN', INT32: 'INT32', DOUBLE: 'DOUBLE', TIMESTAMP: 'TIMESTAMP', JSON: 'STRING' } as const;

function parquetValue(type: ColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof RawJson) return value.text;
  if (type === 'JSON') return JSON.stringify(value);
  return value;
}

/** The value as JSON text, for a JSONL line. */
function jsonText(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof RawJson) return value.text;
  if (value instanceof Date) return `"${value.toISOString()}"`;
  return JSON.stringify(value);
}

export function createTableWriter(basePath: string, columns: readonly Column[], options: { rowGroupSize?: number; createdBy?: string } = {}): TableWriter {
  const rowGroupSize = options.rowGroupSize ?? 5_000;
  const jsonl: WriteStream = createWriteStream(`${basePath}.jsonl`);
  const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: PARQUET_TYPE[c.type] })) });
  const parquet = new ParquetWriter({ writer: fileWriter(`${basePath}.parquet`), schema, createdBy: options.createdBy ?? 'pnyx export (hyparquet-writer)' });
  const keys = columns.map((c, i) => `${i ? ',' : ''}${JSON.stringify(c.name)}:`);
  let buffer: unknown[][] = columns.map(() => []);
  let buffered = 0;
  let rows = 0;
  let failed: Error | null = null;
  jsonl.on('error', (error) => {
    failed = error;
  });

  let pending = '';
  const drainLines = async () => {
    const text = pending;
    pending = '';
    if (text && !jsonl.write(text)) await once(jsonl, 'drain');
  };
  const flush = () => {
    if (buffered === 0) return;
    parquet.write({
      columnData: columns.map((c, i) => ({ name: c.name, data: buffer[i]!, type: PARQUET_TYPE[c.type] })),
      rowGroupSize: buffered,
    });
    buffer = columns.map(() => []);
    buffered = 0;
  };

  return {
    get rows() {
      return rows;
    },
    async write(row) {
      if (failed) throw failed;
      let line = '{';
      for (let i = 0; i < columns.length; i++) {
        const value = row[columns[i]!.name];
        buffer[i]!.push(parquetValue(columns[i]!.type, value));
        line += keys[i]! + jsonText(value);
      }
      buffered++;
      rows++;
      // Lines go to the file in chunks of about 1 MB: one write per line cost more than building the lines.
      pending += `${line}}\n`;
      if (pending.length >= 1 << 20) await drainLines();
      if (buffered >= rowGroupSize) flush();
    },
    async close() {
      flush();
      await drainLines();
      await parquet.finish();
      jsonl.end();
      await once(jsonl, 'finish');
      if (failed) throw failed;
    },
  };
}

/** A JSON array written element by element (FastChat's battles file is one array). */
export function createJsonArrayWriter(path: string) {
  const out = createWriteStream(path);
  let count = 0;
  out.write('[');
  return {
    async write(value: unknown) {
      const text = `${count === 0 ? '\n' : ',\n'}${JSON.stringify(value)}`;
      count++;
      if (!out.write(text)) await once(out, 'drain');
    },
    async close() {
      out.end(count === 0 ? ']\n' : '\n]\n');
      await once(out, 'finish');
    },
    get rows() {
      return count;
    },
  };
}
