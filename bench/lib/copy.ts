import { once } from 'node:events';
import type { Sql } from 'postgres';

/** A value in PostgreSQL's COPY text format: \N for null, backslash escapes for the separators. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

export const copyLine = (values: readonly unknown[]) => `${values.map(copyValue).join('\t')}\n`;

/**
 * Streams rows into a table with COPY … FROM STDIN (postgres.js `.writable()`), in ~256 kB chunks and with
 * back-pressure, so millions of rows load without holding them in memory.
 */
export async function copyRows(
  sql: Sql,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  onRows?: (n: number) => void,
): Promise<number> {
  const stream = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  let buffer = '';
  let pending = 0;
  let count = 0;
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const flush = async () => {
    if (!buffer) return;
    const ok = stream.write(buffer);
    buffer = '';
    onRows?.(pending);
    pending = 0;
    if (!ok) await once(stream, 'drain');
  };
  for (const row of rows) {
    buffer += copyLine(row);
    pending += 1;
    count += 1;
    if (buffer.length > 256 * 1024) await flush();
  }
  await flush();
  stream.end();
  await finished;
  return count;
}
